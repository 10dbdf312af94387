import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import { RpcError } from "../../../common/rpc/wire";
import type { ChatModel } from "../../llm/chat-model";
import { loadTestChatModel, type TestChatModel } from "../testing/llama-chat-model";
import { longNotice, pageChunks } from "../testing/documents";
import { mapReduceSummary } from "./map-reduce";

let model: TestChatModel;
let small: TestChatModel;

beforeAll(async () => {
  const path = await ensureTestModel();
  model = await loadTestChatModel(path, 1024);
  small = await loadTestChatModel(path, 512);
}, 60_000);
afterAll(async () => {
  await model?.dispose();
  await small?.dispose();
});

describe("mapReduceSummary with the test model", () => {
  it("visits every chunk in a map prompt, keeps every prompt within the context, and streams the final text", async () => {
    const chunks = pageChunks(longNotice(24));
    const first = model.calls.length;
    const stages = new Set<string>();
    let mapDone = 0;
    let streamed = "";
    const r = await mapReduceSummary(model, [{ title: "关于加强内部管理的通知", chunks }], {
      length: "bullets",
      onProgress: (done, total, stage) => {
        stages.add(stage);
        if (stage === "map") mapDone = Math.max(mapDone, done / total);
      },
      onChunk: (c) => void (streamed += c.text),
    });
    const calls = model.calls.slice(first);
    for (const c of chunks) expect(calls.some((call) => call.user.includes(c.text))).toBe(true);
    for (const call of calls) expect(call.promptTokens + call.maxTokens).toBeLessThanOrEqual(model.contextSize);
    expect(r.method).toBe("llm");
    expect(r.stats.chunks).toBe(24);
    expect(r.stats.groups).toBeGreaterThan(1);
    expect(r.stats.modelCalls).toBe(calls.length);
    expect(r.stats.modelCalls).toBeGreaterThan(r.stats.groups);
    expect(mapDone).toBe(1);
    expect([...stages]).toEqual(expect.arrayContaining(["plan", "map", "final"]));
    expect(r.summary.length).toBeGreaterThan(0);
    expect(streamed.trim()).toBe(r.summary);
    for (const p of r.points) for (const page of p.pages) expect(page).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it("on a long document: every prompt fits, every chunk is visited, the final prompt still names every page, each text is tokenised about once", async () => {
    const pages = longNotice(60);
    const chunks = pageChunks(pages);
    let counted = 0;
    let answered = 0;
    const counting: ChatModel = {
      modelId: model.modelId,
      name: model.name,
      contextSize: model.contextSize,
      countTokens: (text) => ((counted += text.length), model.countTokens(text)),
      generate: async (req) => {
        const r = await model.generate(req);
        answered += r.text.length;
        return r;
      },
    };
    const first = model.calls.length;
    const r = await mapReduceSummary(counting, [{ title: "关于加强内部管理的通知", chunks }], { length: "bullets" });
    const calls = model.calls.slice(first);
    for (const c of chunks) expect(calls.some((call) => call.user.includes(c.text))).toBe(true);
    for (const call of calls) expect(call.promptTokens + call.maxTokens).toBeLessThanOrEqual(model.contextSize);
    expect(r.stats.reduceRounds).toBeGreaterThan(0);
    expect(pagesNamed(calls.at(-1)!.user)).toEqual(pages.map((p) => p.page));
    // Each chunk is counted once when grouped and each answer once when it becomes a part
    // (with its label); re-counting parts every round would be several times this.
    const input = chunks.reduce((n, c) => n + c.text.length, 0);
    expect(counted).toBeLessThan(1.2 * (input + answered) + 2000);
  }, 120_000);

  it("needs reduce rounds on the smallest context and still fits every prompt", async () => {
    const chunks = pageChunks(longNotice(16));
    const first = small.calls.length;
    const r = await mapReduceSummary(small, [{ title: "关于加强内部管理的通知", chunks }], { length: "detailed" });
    const calls = small.calls.slice(first);
    for (const c of chunks) expect(calls.some((call) => call.user.includes(c.text))).toBe(true);
    for (const call of calls) expect(call.promptTokens + call.maxTokens).toBeLessThanOrEqual(512);
    expect(r.stats.reduceRounds).toBeGreaterThan(0);
  }, 60_000);

  it("cuts a chunk bigger than the budget and still sends all of its text", async () => {
    const huge = "各单位应当按照规定做好档案整理和移交工作并建立台账".repeat(30);
    const first = model.calls.length;
    await mapReduceSummary(model, [{ title: "长段落", chunks: [{ text: huge, pages: [3], pageStarts: [{ offset: 0, page: 3 }], paragraphs: [1, 1], headingPath: [], tokens: 10 }] }], { length: "brief" });
    const sent = model.calls
      .slice(first)
      .filter((c) => c.user.includes("请概括这部分"))
      .map((c) => c.user.split("：\n")[1]!.split("\n\n请概括")[0]!)
      .join("");
    expect(sent.replace(/\n/g, "")).toBe(huge);
  }, 60_000);

  it("summarises a short document in one call without a map step", async () => {
    const first = model.calls.length;
    const r = await mapReduceSummary(model, [{ title: "短文", chunks: pageChunks(longNotice(1)) }], { length: "brief" });
    expect(model.calls.length - first).toBe(1);
    expect(r.stats.groups).toBe(1);
  }, 30_000);

  it("stops generating when cancelled mid-way", async () => {
    const controller = new AbortController();
    const first = model.calls.length;
    let maps = 0;
    const run = mapReduceSummary(model, [{ title: "取消测试", chunks: pageChunks(longNotice(30)) }], {
      length: "bullets",
      signal: controller.signal,
      onProgress: (_d, _t, stage) => {
        if (stage === "map" && ++maps === 2) controller.abort(new RpcError("CANCELLED", "任务已取消"));
      },
    });
    await expect(run).rejects.toMatchObject({ code: "CANCELLED" });
    const made = model.calls.length - first;
    expect(made).toBeLessThanOrEqual(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(model.calls.length - first).toBe(made);
  }, 60_000);
});

/** Pages named by the part labels ("[n]（第3–5页）", "[n]（第1、4页）") of a reduce prompt. */
function pagesNamed(user: string): number[] {
  const pages = new Set<number>();
  for (const m of user.matchAll(/\[\d+\]（(?:《[^》]*》)?第([\d、–]+)页）/g)) {
    for (const item of m[1]!.split("、")) {
      const [a, b = a] = item.split("–").map(Number);
      for (let p = a!; p <= b!; p++) pages.add(p);
    }
  }
  return [...pages].sort((x, y) => x - y);
}
