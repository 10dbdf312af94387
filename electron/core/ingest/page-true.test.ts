import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locationLabel } from "../../common/locate";
import { runJob } from "../../common/rpc/run-job";
import { answerQuestion } from "../assistant/rag/answer";
import { searchKnowledgeBase } from "../search/hybrid";
import { tempDir } from "../testing/temp-dir";
import { writeDoc } from "./testing/doc-writer";
import { writePdf } from "./testing/fixtures";
import { kbContract, kbCore } from "./testing/kb-core";

let dir: string;
let cleanup: () => void;
let kb: ReturnType<typeof kbCore>;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  kb = kbCore(join(dir, "data"));
  // Page 12 ends mid-paragraph; the passage asked about is on page 13, in the same chunk.
  const filler = (n: number) => Array.from({ length: 3 }, (_, i) => ({ text: `第${n}页第${i + 1}句：各单位应当按照规定做好档案整理工作。` }));
  const pages = Array.from({ length: 13 }, (_, i) => filler(i + 1));
  pages[11] = [{ text: "十、档案移交" }, { text: "各单位应当按照规定做好档案整理工作，并于每年三月底前" }];
  pages[12] = [{ text: "完成移交。轮候期不超过五年，期满未获配租的可重新申请。" }, { text: "逾期未移交的，由档案部门督促整改。" }];
  await writePdf(join(dir, "档案.pdf"), pages);
  await writeDoc(join(dir, "办法.doc"), {
    blocks: [
      { para: "江南市档案管理办法" },
      ...Array.from({ length: 8 }, (_, i) => ({ para: `第${i + 1}条 各单位应当建立档案管理制度。` })),
      { para: "第9条 档案室应当配备防火、防潮设施，轮候期不超过五年。" },
    ],
  });
  await kb.client.call("kb.create", { name: "档案" });
  await runJob(kbContract, kb.client, "kb.add", { name: "档案", paths: [join(dir, "档案.pdf"), join(dir, "办法.doc")] });
}, 120_000);
afterAll(async () => {
  kb.client.close();
  await kb.core.close();
  cleanup();
});

describe("page-true chunks and citations", () => {
  it("a chunk that spans a page break records both pages; the hit opens the page where the phrase is", async () => {
    const { hits } = await kb.client.call("kb.search", { name: "档案", query: "轮候期不超过五年", k: 5 });
    const hit = hits.find((h) => h.path.endsWith("档案.pdf"))!;
    expect(hit.pages).toEqual([12, 13]);
    expect(hit.page).toBe(13);
    const preview = await kb.client.call("kb.preview", { documentId: hit.documentId, page: hit.page });
    expect(preview.text).toContain("轮候期不超过五年");
    expect(preview.label).toBeUndefined();
  });

  it("the citation points at the sentence's page, and the inline label and the source list say the same", async () => {
    const hits = (await searchKnowledgeBase(kb.services(), "档案", "轮候期不超过五年", { k: 5 })).filter((h) => h.path.endsWith("档案.pdf"));
    const a = await answerQuestion(null, { question: "轮候期不超过五年是怎么规定的？", hits });
    const c = a.citations[0]!;
    expect(c.page).toBe(13);
    expect(c.pages).toEqual([13]);
    expect(a.answer).toContain(`《${c.title}》${locationLabel(c)}`);
    expect(locationLabel(c)).toBe("第13页");
  });

  it("a document without fixed pages is cited by paragraph, not as page 1", async () => {
    const hits = (await searchKnowledgeBase(kb.services(), "档案", "防火防潮设施", { k: 5 })).filter((h) => h.path.endsWith("办法.doc"));
    expect(hits[0]).toMatchObject({ paged: false, paragraphs: [10, 10] });
    const a = await answerQuestion(null, { question: "档案室要配备什么设施？", hits });
    expect(locationLabel(a.citations[0]!)).toBe("第10段");
    expect(a.answer).toContain("第10段");
  });
});
