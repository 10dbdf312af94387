import type { Chunk, ExtractedPage } from "../../ingest/types";

/** A 公文-like document of `pages` pages whose every sentence names its page, so tests can trace text to pages. */
export function longNotice(pages: number): ExtractedPage[] {
  const topics = ["采购审批", "季度盘点", "监督检查", "经费管理", "档案保存", "安全保密", "培训考核", "信息公开"];
  return Array.from({ length: pages }, (_, i) => {
    const n = i + 1;
    const topic = topics[i % topics.length]!;
    const lines = [
      `第${n}页规定：各单位应当加强${topic}工作，明确责任分工。`,
      [`对${topic}中发现的问题，应于十个工作日内整改到位并书面报告。`, `${topic}情况纳入年度考核，考核结果向社会公开。`, `市财政局会同有关部门对${topic}开展抽查。`][n % 3]!,
    ];
    return { page: n, text: `${lines.join("\n")}\n` };
  });
}

/** One chunk per page: the shape the knowledge base's chunker gives, enough for the summariser. */
export function pageChunks(pages: readonly ExtractedPage[]): Chunk[] {
  return pages.map((p, i) => ({ text: p.text.trim(), pages: [p.page], pageStarts: [{ offset: 0, page: p.page }], paragraphs: [i + 1, i + 1], headingPath: [], tokens: p.text.length }));
}
