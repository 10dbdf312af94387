import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import type { SearchHit } from "../../search/types";
import { summaryBudget, TEMPLATE_TOKENS, promptTokens } from "../budget";
import { planRagPrompt } from "../rag/answer";
import { planMapGroups } from "../summarize/plan";
import { mapReduceSummary } from "../summarize/map-reduce";
import { loadTestChatModel, type TestChatModel } from "../testing/llama-chat-model";
import { longNotice, pageChunks } from "../testing/documents";
import { summarizeMap, summarizeReduce, ragAnswer, pagesLabel } from "./index";

// The smallest context a model can have here (the test model's own): Chinese
// costs it ~3 tokens a character, so this is the hardest case for budgets.
let model: TestChatModel;
beforeAll(async () => {
  model = await loadTestChatModel(await ensureTestModel(), 512);
}, 60_000);
afterAll(async () => model?.dispose());

const exact = (p: { system: string; user: string }): number => model.measure({ system: p.system, messages: [{ role: "user", content: p.user }] });

describe("prompts stay within the context for long inputs", () => {
  it("summarize-map.v1: every group of a 200-page document fits with its answer", async () => {
    const budget = summaryBudget(model.contextSize, "bullets");
    const groups = await planMapGroups(model, [{ title: "关于进一步加强和规范政府机关内部管理工作的若干意见（试行）", chunks: pageChunks(longNotice(200)) }], budget.mapOutput);
    expect(groups.length).toBeGreaterThan(20);
    for (const g of groups) {
      const p = summarizeMap.render({ title: "关于进一步加强和规范政府机关内部管理工作的若干意见（试行）", pages: g.pages, text: g.text });
      expect(exact(p) + budget.mapOutput).toBeLessThanOrEqual(model.contextSize);
      expect(exact(p)).toBeLessThanOrEqual(await promptTokens(model, p));
    }
  });

  it("summarize-reduce.v1: every prompt of a 6-page summary on this context fits (measured on the calls made)", async () => {
    const first = model.calls.length;
    await mapReduceSummary(model, [{ title: "关于进一步加强和规范政府机关内部管理工作的若干意见", chunks: pageChunks(longNotice(6)) }], { length: "bullets" });
    const reduces = model.calls.slice(first).filter((c) => c.user.includes("各部分摘要"));
    expect(reduces.length).toBeGreaterThan(0);
    for (const c of reduces) expect(c.promptTokens + c.maxTokens).toBeLessThanOrEqual(model.contextSize);
  });

  it("summarize-reduce.v1: the template's own words, with a long title, take at most half the context", async () => {
    for (const length of ["brief", "bullets", "detailed"] as const) {
      for (const final of [true, false]) {
        const p = summarizeReduce.render({ title: "很长的标题".repeat(20), parts: [], length, final });
        expect(exact(p)).toBeLessThanOrEqual(model.contextSize / 2);
      }
    }
  });

  it("rag-answer.v1: twenty long hits and a long history are cut to fit with the answer", async () => {
    const hits: SearchHit[] = Array.from({ length: 20 }, (_, i) => ({
      chunkId: i, documentId: 1, path: "/a.txt", title: "长标题".repeat(30), page: i + 1, pages: [i + 1], paged: true, pageStarts: [{ offset: 0, page: i + 1 }], chunkParagraph: 0, headingPath: [], snippet: "", text: "审批时限的规定".repeat(300), score: 1,
    }));
    const history = [{ role: "user" as const, content: "问".repeat(2000) }, { role: "assistant" as const, content: "答".repeat(2000) }];
    const plan = await planRagPrompt(model, "审批时限是多少天？", hits, history);
    expect(plan.sources.length).toBeGreaterThan(0);
    const tokens = model.measure({ system: plan.prompt.system, messages: [...plan.history, { role: "user", content: plan.prompt.user }] });
    expect(tokens + plan.maxTokens).toBeLessThanOrEqual(model.contextSize);
    expect(ragAnswer.render({ question: "q", sources: [] }).system).toContain("[编号]");
  });

  it("the template allowance covers the chat template's own tokens", async () => {
    const p = { system: "系统", user: "用户" };
    expect(exact(p) - (await model.countTokens(p.system)) - (await model.countTokens(p.user))).toBeLessThanOrEqual(TEMPLATE_TOKENS);
  });

  it("names pages the way 公文 readers do", () => {
    expect([pagesLabel([3]), pagesLabel([3, 4, 5]), pagesLabel([1, 4]), pagesLabel([])]).toEqual(["第3页", "第3–5页", "第1、4页", ""]);
  });
});
