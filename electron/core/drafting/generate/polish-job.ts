import type { WordingSuggestion } from "../../../common/contracts/drafting";
import type { DocKind } from "../../../common/contracts/doc-kinds";
import { bodyLines } from "../../../common/drafting/body";
import { RpcError } from "../../../common/rpc/wire";
import { promptTokens } from "../../assistant/budget";
import { audit } from "../../security/services";
import type { CoreServices } from "../../services";
import { kindTemplate } from "../kinds/kinds";
import { COMPACT_CONTEXT, tokensPerChar, tooSmall } from "./budget";
import { polishPrompt } from "./prompts";
import { polishSchema } from "./schema";

export interface PolishInput {
  kind: DocKind;
  body: string;
  modelPath?: string | undefined;
  maxParagraphs: number;
}

export interface PolishHooks {
  signal: AbortSignal;
  progress(done: number, total: number, stage: string): void;
  delta(text: string): void;
}

/**
 * Wording suggestions: the model reads the numbered paragraphs and proposes
 * whole-paragraph revisions with a reason, in a grammar-fixed structure.
 * They are returned for the user to compare (a diff) and accept one by one;
 * nothing is changed here.
 */
export async function runPolish(s: CoreServices, input: PolishInput, hooks: PolishHooks): Promise<{ suggestions: WordingSuggestion[] }> {
  const t = kindTemplate(input.kind);
  const paragraphs = bodyLines(input.body).map((text, i) => ({ i, text }));
  hooks.progress(0, 2, "model");
  const model = await s.chatModel({ ...(input.modelPath ? { modelPath: input.modelPath } : {}), signal: hooks.signal });
  if (!model) throw new RpcError("UNAVAILABLE", "没有可用的模型：润色建议需要模型。请先在“模型”页面导入并设为默认对话模型。");
  const compact = model.contextSize < COMPACT_CONTEXT;
  const perChar = await tokensPerChar(model);
  // As many paragraphs (from the start) as leave room for revising a few of them.
  let chosen = paragraphs.slice(0, input.maxParagraphs);
  let prompt = polishPrompt({ t, paragraphs: chosen, compact });
  let room = model.contextSize - (await promptTokens(model, prompt)) - 8;
  const longest = () => Math.max(8, ...chosen.map((p) => p.text.length));
  const need = (n: number, chars: number) => Math.ceil(40 + n * (20 + (chars + 20) * perChar));
  while (chosen.length > 1 && room < need(1, longest())) {
    chosen = chosen.slice(0, -1);
    prompt = polishPrompt({ t, paragraphs: chosen, compact });
    room = model.contextSize - (await promptTokens(model, prompt)) - 8;
  }
  if (chosen.length === 0) throw new RpcError("INVALID_INPUT", "正文为空，没有可以润色的内容。");
  let max = Math.min(chosen.length, 3);
  let chars = Math.min(longest() + 40, 400);
  while (max > 0 && need(max, chars) > room) {
    if (chars > 16) chars = Math.floor(chars * 0.8);
    else max--;
  }
  if (max === 0) throw tooSmall();
  hooks.progress(1, 2, "polish");
  const r = await model.generate({
    system: prompt.system,
    messages: [{ role: "user", content: prompt.user }],
    maxTokens: room,
    jsonSchema: polishSchema({ paragraph: chars, line: 20 }, chosen.map((p) => p.i), max),
    signal: hooks.signal,
    onChunk: (c) => c.type === "text" && hooks.delta(c.text),
  });
  if (hooks.signal.aborted || r.stopReason === "cancelled") throw hooks.signal.reason ?? new RpcError("CANCELLED", "已取消");
  let parsed: { suggestions?: { paragraph: number; revised: string; reason: string }[] };
  try {
    parsed = JSON.parse(r.text) as typeof parsed;
  } catch {
    throw new RpcError("INTERNAL", "模型的输出不完整，无法解析。请重试，或换用更大的模型。", r.text.slice(0, 200));
  }
  const seen = new Set<number>();
  const suggestions: WordingSuggestion[] = [];
  for (const x of parsed.suggestions ?? []) {
    const original = paragraphs[x.paragraph]?.text;
    const revised = x.revised.trim();
    if (original === undefined || seen.has(x.paragraph) || !revised || revised === original) continue;
    seen.add(x.paragraph);
    suggestions.push({ paragraph: x.paragraph, original, revised, reason: x.reason.trim() });
  }
  hooks.progress(2, 2, "polish");
  audit(s, { type: "draft", object: t.label, detail: { method: "polish", paragraphs: chosen.length, suggestions: suggestions.length } });
  return { suggestions };
}
