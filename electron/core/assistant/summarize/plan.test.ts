import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import { chunkPages } from "../../ingest/chunk";
import { summaryBudget } from "../budget";
import { summarizeMap } from "../prompts";
import { loadTestChatModel, type TestChatModel } from "../testing/llama-chat-model";
import { longNotice } from "../testing/documents";
import { chunkTokensFor, planMapGroups } from "./plan";

let model: TestChatModel;
beforeAll(async () => {
  model = await loadTestChatModel(await ensureTestModel(), 2048);
}, 60_000);
afterAll(async () => model?.dispose());

const TITLE = "关于加强内部管理的通知";

describe("planMapGroups with chunks sized by chunkTokensFor", () => {
  it("fills every map prompt but the last to most of the context, never over it, covering every page in order", async () => {
    const pages = longNotice(120);
    const { mapOutput } = summaryBudget(model.contextSize, "bullets");
    const target = await chunkTokensFor(model, TITLE, pages, mapOutput, 400);
    // The test model needs ~2.4 tokens a character: 400-token chunks would fill barely half a prompt each.
    expect(target).toBeLessThan(400);
    const chunks = chunkPages(pages, { targetTokens: target, overlapTokens: 0 });
    const groups = await planMapGroups(model, [{ title: TITLE, chunks }], mapOutput);
    const used = groups.map((g) => {
      const p = summarizeMap.render({ title: TITLE, pages: g.pages, text: g.text });
      return model.measure({ system: p.system, messages: [{ role: "user", content: p.user }] }) + mapOutput;
    });
    for (const u of used) expect(u).toBeLessThanOrEqual(model.contextSize);
    for (const u of used.slice(0, -1)) expect(u).toBeGreaterThan(0.85 * model.contextSize);
    expect(groups.flatMap((g) => g.chunkIds)).toEqual(chunks.map((_, i) => i));
    expect([...new Set(groups.flatMap((g) => g.pages))]).toEqual(pages.map((p) => p.page));
  }, 60_000);

  it("keeps the largest size for a model whose tokens are cheap for this text", async () => {
    const cheap = { ...model, countTokens: async (text: string) => Math.ceil(text.length / 4) };
    expect(await chunkTokensFor(cheap, TITLE, longNotice(20), 341, 400)).toBe(400);
    expect(await chunkTokensFor(model, TITLE, [{ text: "" }], 341, 400)).toBe(400);
  });
});
