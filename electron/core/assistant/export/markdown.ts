import type { ChatMessage, Citation, Conversation, Summary } from "../../../common/contracts/assistant";
import { locationLabel } from "../../../common/locate";
import { pagesLabel } from "../prompts";

/** A neutral block model both exporters render: Markdown here, DOCX in docx.ts. */
export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "meta"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "bullet"; text: string }
  | { kind: "source"; text: string };

/** Ideographic space between meta fields (written as an escape: lint forbids the raw character). */
const SEP = "\u3000";
const ROLE = { user: "问", assistant: "答" } as const;
const LENGTH = { brief: "一句话", bullets: "要点", detailed: "详细" } as const;

export function citationLine(c: Citation): string {
  return `[${c.n}] 《${c.title}》${locationLabel(c)}（${c.path}）：${c.snippet}`;
}

export function conversationBlocks(conv: Conversation, messages: readonly ChatMessage[]): Block[] {
  const blocks: Block[] = [
    { kind: "title", text: conv.title },
    { kind: "meta", text: `知识库：${conv.kb ?? "—"}${SEP}模型：${conv.modelName ?? "默认"}${SEP}导出时间：${new Date().toLocaleString("zh-CN")}` },
  ];
  for (const m of messages) {
    blocks.push({ kind: "heading", text: ROLE[m.role] });
    for (const para of m.content.split(/\n+/).filter((l) => l.trim())) blocks.push(/^\s*[-*•]\s+/.test(para) ? { kind: "bullet", text: para.replace(/^\s*[-*•]\s+/, "") } : { kind: "paragraph", text: para });
    if (m.citations.length) {
      blocks.push({ kind: "meta", text: "来源：" });
      for (const c of m.citations) blocks.push({ kind: "source", text: citationLine(c) });
    }
  }
  return blocks;
}

export function summaryBlocks(s: Summary): Block[] {
  const method = s.method === "extractive" ? "抽取式摘要（原文句子，未使用模型）" : `模型生成（${s.model ?? "默认模型"}）`;
  const blocks: Block[] = [
    { kind: "title", text: `摘要：${s.title}` },
    { kind: "meta", text: `方式：${method}${SEP}篇幅：${LENGTH[s.length]}${SEP}生成时间：${new Date(s.createdAt).toLocaleString("zh-CN")}` },
  ];
  if (s.points.length && s.length !== "brief") {
    for (const p of s.points) blocks.push({ kind: "bullet", text: `${p.text}${p.pages.length ? `（${p.document ? `《${p.document}》` : ""}${pagesLabel(p.pages)}）` : ""}` });
  } else {
    for (const para of s.summary.split(/\n+/).filter((l) => l.trim())) blocks.push({ kind: "paragraph", text: para });
  }
  blocks.push({ kind: "heading", text: "来源文档" });
  s.documents.forEach((d, i) => blocks.push({ kind: "source", text: `[${i + 1}] 《${d.title}》（${d.path}，共 ${d.pages} 页）` }));
  return blocks;
}

export function toMarkdown(blocks: readonly Block[]): string {
  const lines = blocks.map((b) => {
    switch (b.kind) {
      case "title":
        return `# ${b.text}\n`;
      case "heading":
        return `\n## ${b.text}\n`;
      case "meta":
        return `> ${b.text}\n`;
      case "paragraph":
        return `${b.text}\n`;
      case "bullet":
        return `- ${b.text}`;
      case "source":
        return `- ${b.text}`;
    }
  });
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trim()}\n`;
}
