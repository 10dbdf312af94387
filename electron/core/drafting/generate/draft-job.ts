import type { Draft, DraftCitation, DraftSection, DraftSpec } from "../../../common/contracts/drafting";
import { toChineseOrdinal } from "../../../common/drafting/body";
import { parsePartialJson } from "../../../common/drafting/partial-json";
import { RpcError } from "../../../common/rpc/wire";
import { fitTokens } from "../../assistant/budget";
import type { ChatModel, ChatResult } from "../../llm/chat-model";
import { audit } from "../../security/services";
import type { CoreServices } from "../../services";
import { resolveTitle } from "../document";
import { kindTemplate, type KindTemplate } from "../kinds/kinds";
import type { DraftsRepo } from "../store/drafts-repo";
import { COMPACT_CONTEXT, fitLimits, roomFor, tokensPerChar, tooSmall } from "./budget";
import { outlinePrompt, sectionPrompt, type SourceLine } from "./prompts";
import { outlineSchema, sectionSchema, type Limits } from "./schema";
import { basisPhrase, citedName, findSources, type DraftSource } from "./sources";

export interface GenerateInput {
  spec: DraftSpec;
  id?: number | undefined;
  kb?: string | undefined;
  modelPath?: string | undefined;
  maxSections: number;
}

export interface GenerateHooks {
  signal: AbortSignal;
  progress(done: number, total: number, stage: string): void;
  /** Raw JSON as the model writes it (stage outline: index −1; sections: their index). */
  delta(stage: "outline" | "section", index: number, text: string): void;
  section(index: number, section: DraftSection): void;
}

interface Outline {
  标题: string;
  主送: string;
  开头: string;
  依据: number[];
  sections: { heading: string }[];
  附件: string[];
  closing: string;
}

const WANT: Limits = { line: 40, paragraph: 300, sections: 5, paragraphs: 3 };

/** Runs one grammar-constrained call; a cut-off answer keeps what was complete. */
async function generateJson(model: ChatModel, prompt: { system: string; user: string }, schema: object, maxTokens: number, hooks: GenerateHooks, stage: "outline" | "section", index: number): Promise<unknown> {
  const r: ChatResult = await model.generate({
    system: prompt.system,
    messages: [{ role: "user", content: prompt.user }],
    maxTokens,
    jsonSchema: schema,
    signal: hooks.signal,
    onChunk: (c) => c.type === "text" && hooks.delta(stage, index, c.text),
  });
  if (hooks.signal.aborted || r.stopReason === "cancelled") throw hooks.signal.reason ?? new RpcError("CANCELLED", "已取消");
  try {
    return JSON.parse(r.text);
  } catch {
    const partial = parsePartialJson(r.text);
    if (partial && typeof partial === "object") return partial;
    throw new RpcError("INTERNAL", "模型的输出不完整，无法解析。请重试，或换用更大的模型。", r.text.slice(0, 200));
  }
}

async function sourceLines(model: ChatModel, sources: DraftSource[], budget: number): Promise<SourceLine[]> {
  const lines: SourceLine[] = [];
  const share = Math.floor(budget / Math.max(1, sources.length));
  for (const s of sources) {
    const text = await fitTokens(model, s.snippet || s.text, Math.max(24, share - 24));
    lines.push({ n: s.n, label: `《${citedName(s.title).slice(0, 24)}》${s.docNumber ? `（${s.docNumber}）` : ""}第${s.page}页`, text });
  }
  return lines;
}

/**
 * The model drafts the 正文 from the 要点: an outline (标题, 主送, 开头 and
 * its 依据, section headings, 附件, closing), then each section's paragraphs,
 * every call constrained by a JSON-schema grammar and streamed. The 依据
 * phrase ("根据《…》（…号）") is written from the sources the model picked,
 * so each citation is a knowledge-base page. The draft is saved at the end.
 */
export async function runGenerate(s: CoreServices, repo: DraftsRepo, input: GenerateInput, hooks: GenerateHooks): Promise<Draft> {
  const spec = input.spec;
  const t = kindTemplate(spec.kind);
  const points = (spec.points ?? "").trim() || spec.subject?.trim() || spec.title?.trim() || "";
  if (!points) throw new RpcError("INVALID_INPUT", "请先填写要点（或事由），模型根据要点起草正文。");
  hooks.progress(0, 3, "sources");
  const sources = input.kb ? await findSources(s, input.kb, spec) : [];
  if (hooks.signal.aborted) throw hooks.signal.reason;
  hooks.progress(1, 3, "model");
  const model = await s.chatModel({ ...(input.modelPath ? { modelPath: input.modelPath } : {}), signal: hooks.signal });
  if (!model) throw new RpcError("UNAVAILABLE", "没有可用的模型：请先在“模型”页面导入模型并设为默认对话模型；也可以不用模型，直接填写正文。");
  const compact = model.contextSize < COMPACT_CONTEXT;
  const perChar = await tokensPerChar(model);
  // A small context gets no source text, but the model still picks 依据 among the sources' numbers.
  const lines = compact ? [] : await sourceLines(model, sources, Math.floor(model.contextSize / 4));
  const ids = compact ? sources.slice(0, 2).map((x) => x.n) : lines.map((l) => l.n);

  // 1. The outline.
  const title0 = resolveTitle(spec, t);
  const oPrompt = outlinePrompt({ t, issuer: spec.issuer, title: title0 || undefined, subject: spec.subject, to: spec.to, points, sources: lines, maxSections: input.maxSections, compact });
  const oRoom = await roomFor(model, oPrompt);
  const oLimits = fitLimits({ ...WANT, sections: input.maxSections }, oRoom, perChar, "outline");
  if (!oLimits) throw tooSmall();
  const outline = (await generateJson(model, oPrompt, outlineSchema(oLimits, ids), oRoom, hooks, "outline", -1)) as Partial<Outline>;
  const headings = (outline.sections ?? []).map((x) => (x.heading ?? "").trim()).filter(Boolean);
  if (headings.length === 0) headings.push(t.outline[0]!);
  const title = title0 || ensureKind(String(outline.标题 ?? "").trim(), spec.issuer, t);

  // 2. Each section, in order.
  const sections: DraftSection[] = [];
  for (let i = 0; i < headings.length; i++) {
    hooks.progress(i, headings.length, "section");
    const sPrompt = sectionPrompt({ t, title, headings, index: i, points, sources: lines, paragraphs: WANT.paragraphs, chars: WANT.paragraph, compact });
    const sRoom = await roomFor(model, sPrompt);
    const sLimits = fitLimits({ ...WANT, sections: 1 }, sRoom, perChar, "section");
    if (!sLimits) throw tooSmall();
    const out = (await generateJson(model, sPrompt, sectionSchema(sLimits, ids), sRoom, hooks, "section", i)) as { paragraphs?: string[]; 依据?: number[] };
    const section: DraftSection = { heading: headings[i]!, paragraphs: (out.paragraphs ?? []).map((p) => p.trim()).filter(Boolean), sources: onlyKnown(out.依据, ids) };
    sections.push(section);
    hooks.section(i, section);
  }
  hooks.progress(headings.length, headings.length, "section");

  // 3. The body as the 写作 form holds it, and the citations it rests on.
  const basis = onlyKnown(outline.依据, ids);
  const cited = (ns: number[]) => sources.filter((x) => ns.includes(x.n));
  const opening = `${basisPhrase(cited(basis))}${String(outline.开头 ?? "").trim()}`;
  const closing = String(outline.closing ?? "").trim() || t.closings[0] || "";
  const body = [
    opening,
    ...sections.flatMap((sec, i) => [headings.length > 1 ? `${toChineseOrdinal(i + 1)}、${sec.heading}` : "", ...sec.paragraphs]),
    closing,
  ]
    .filter((l) => l.trim())
    .join("\n");
  const usedIds = [...new Set([...basis, ...sections.flatMap((x) => x.sources)])];
  const citations: DraftCitation[] = cited(usedIds).map(({ text: _t, ...c }) => c);
  const to = spec.to?.trim() || (t.use("主送机关") !== "none" ? String(outline.主送 ?? "").trim() : "");
  const attachments = spec.attachments?.length ? spec.attachments : (outline.附件 ?? []).map((a) => a.trim()).filter(Boolean).map((title) => ({ title }));
  const drafted: DraftSpec = { ...spec, title, body, ...(to ? { to } : {}), ...(attachments.length ? { attachments } : {}) };
  const saved = repo.save({ id: input.id, spec: drafted, citations, method: "llm", model: model.name });
  audit(s, { type: "draft", object: saved.title.slice(0, 200), detail: { kind: spec.kind, method: "llm", sections: sections.length, citations: citations.length, kb: input.kb ?? null } });
  return saved;
}

function onlyKnown(ns: unknown, known: number[]): number[] {
  return Array.isArray(ns) ? [...new Set(ns.filter((n): n is number => typeof n === "number" && known.includes(n)))] : [];
}

/** A title the model proposed, made to end with the kind (GB/T 9704: 发文机关 + 事由 + 文种). */
function ensureKind(title: string, issuer: string, t: KindTemplate): string {
  if (!title) return resolveTitle({ kind: t.kind, issuer, subject: "有关事项" }, t) || `${issuer}${t.kind}`;
  return title.endsWith(t.kind) ? title : `${title}${/的$/.test(title) ? "" : "的"}${t.kind}`;
}
