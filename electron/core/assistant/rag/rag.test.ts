import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import type { SearchHit } from "../../search/types";
import { NOT_FOUND_ANSWER } from "../prompts";
import { loadTestChatModel, type TestChatModel } from "../testing/llama-chat-model";
import { answerQuestion, planRagPrompt } from "./answer";
import { citedNumbers, resolveCitations } from "./citations";
import { relevantHits } from "./relevance";

let model: TestChatModel;
beforeAll(async () => {
  model = await loadTestChatModel(await ensureTestModel(), 1024);
}, 60_000);
afterAll(async () => model?.dispose());

function hit(n: number, text: string, page = n): SearchHit {
  return { chunkId: n, documentId: 1, path: "/docs/notice.txt", title: "关于加强办公用品采购管理的通知", page, pages: [page], paged: true, pageStarts: [{ offset: 0, page }], chunkParagraph: 0, headingPath: [], snippet: text.slice(0, 20), text, score: 1 / n };
}
const hits = [
  hit(1, "一、严格采购审批。各单位采购办公用品须经分管领导审批，单笔超过五千元的报财务部门备案。", 2),
  hit(2, "二、实行季度盘点。各单位每季度末对办公用品进行盘点，建立台账，做到账实相符。", 3),
];

describe("answerQuestion", () => {
  it("answers 'not found' without calling the model when retrieval finds nothing", async () => {
    const before = model.calls.length;
    for (const h of [[], [{ ...hit(9, "会议室使用登记办法。", 1), title: "会议室管理办法" }]]) {
      const r = await answerQuestion(model, { question: "采购审批有什么要求？", hits: h });
      expect(r).toMatchObject({ answer: NOT_FOUND_ANSWER, method: "not-found", citations: [] });
    }
    expect(model.calls.length).toBe(before);
  });

  it("streams an answer from numbered sources and cites real pages", async () => {
    let streamed = "";
    const r = await answerQuestion(model, { question: "采购审批有什么要求？", hits, onChunk: (c) => void (streamed += c.text) });
    expect(r.method).toBe("llm");
    expect(model.calls.at(-1)!.user).toContain("》第2页：一、严格采购审批");
    expect(streamed.trim()).toBe(r.answer);
    expect(r.citations.length).toBeGreaterThan(0);
    for (const c of r.citations) expect(hits.find((h) => h.page === c.page)!.text).toContain(c.snippet);
    expect(r.sources[0]!.snippet).toContain("采购办公用品须经分管领导审批");
  }, 30_000);

  it("keeps prompt + answer within the context for many long sources and a long history", async () => {
    const many = Array.from({ length: 12 }, (_, i) => hit(i + 1, "采购审批要求".repeat(200), i + 1));
    const history = Array.from({ length: 10 }, (_, i) => ({ role: i % 2 ? ("assistant" as const) : ("user" as const), content: "之前的问题和回答".repeat(40) }));
    const plan = await planRagPrompt(model, "采购审批有什么要求？", many, history);
    expect(plan.sources.length).toBeGreaterThan(0);
    expect(plan.sources.length).toBeLessThan(12);
    const r = await answerQuestion(model, { question: "采购审批有什么要求？", hits: many, history });
    expect(r.method).toBe("llm");
    const last = model.calls.at(-1)!;
    expect(last.promptTokens + last.maxTokens).toBeLessThanOrEqual(model.contextSize);
  }, 30_000);

  it("without a model lists the relevant passages with citations", async () => {
    const r = await answerQuestion(null, { question: "盘点怎么做？", hits });
    expect(r.method).toBe("retrieval");
    expect(r.citations.map((c) => c.page)).toEqual([3]);
    expect(r.answer).toContain("[1]");
  });

  it("stops when cancelled", async () => {
    const c = new AbortController();
    let n = 0;
    const run = answerQuestion(model, { question: "采购审批有什么要求？", hits, signal: c.signal, onChunk: () => void (++n === 3 && c.abort()) });
    await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
    expect(n).toBeLessThan(10);
  }, 30_000);
});

describe("citations", () => {
  const refs = hits.map((h, i) => ({ n: i + 1, documentId: 1, chunkId: h.chunkId, path: h.path, title: h.title, page: h.page, pages: h.pages, paged: true, snippet: "x" }));
  it("parses [1], [2], [1,2] and [1、2] in order of first mention", () => {
    expect(citedNumbers("审批[2]。盘点[1,2]，另见[1、3]。")).toEqual([2, 1, 3]);
  });
  it("maps cited numbers to sources, drops invented ones, lists all sources when none cited", () => {
    expect(resolveCitations("答[2][7]", refs).map((r) => r.page)).toEqual([3]);
    expect(resolveCitations("没有引用", refs)).toHaveLength(2);
  });
  it("treats hits that share no content word with the question as irrelevant", () => {
    expect(relevantHits("季度盘点", hits).map((h) => h.chunkId)).toEqual([2]);
    expect(relevantHits("这是什么？", hits)).toHaveLength(2);
    // A question naming the document ("这个通知") keeps its passages.
    expect(relevantHits("这个通知讲了哪些事？", hits)).toHaveLength(2);
    expect(relevantHits("这个通知讲了哪些事？", [{ ...hits[0]!, title: "会议纪要" }])).toHaveLength(0);
  });
});
