import { estimateTokens } from "../../ingest/chunk";
import type { Chunk } from "../../ingest/types";
import type { ChatModel } from "../../llm/chat-model";
import { TEMPLATE_TOKENS } from "../budget";
import { summarizeMap } from "../prompts";
import { splitSentences } from "../sentences";

export interface SummaryDocument {
  title: string;
  path?: string;
  chunks: Chunk[];
}

/** Text for one map call: consecutive chunks (or pieces of one) of one document. */
export interface MapGroup {
  doc: number;
  text: string;
  pages: number[];
  /** Indexes into the document's chunks that this group covers (a long chunk may span groups). */
  chunkIds: number[];
  tokens: number;
}

interface Unit {
  chunkId: number;
  text: string;
  pages: number[];
  tokens: number;
}

/** Tokens a join between two units costs (the "\n" and a possible merge). */
const JOIN_TOKENS = 2;
/** Room left for the page label of a group, which is unknown when the budget is computed. */
const LABEL_SLACK = 12;
/** A chunk is at most this share of a map prompt's text room, so groups of whole chunks fill it (≥ 5/6). */
const CHUNKS_PER_GROUP = 6;
/** Smallest chunk size worth planning with (estimated tokens): a few sentences. */
const MIN_CHUNK_TOKENS = 32;
/** Characters of the document the model's tokens per estimated token are measured on. */
const SAMPLE_CHARS = 2000;

/** Tokens of a document's text one map prompt can take: context − map answer − template − the prompt's own words. */
async function mapTextBudget(model: ChatModel, title: string, mapOutput: number): Promise<number> {
  const empty = summarizeMap.render({ title, pages: [], text: "" });
  const overhead = (await model.countTokens(empty.system)) + (await model.countTokens(empty.user)) + TEMPLATE_TOKENS + LABEL_SLACK;
  return model.contextSize - mapOutput - overhead;
}

/**
 * Chunk size (in ingest's estimated tokens, at most `max`) for a document to
 * be summarised: a model that needs many tokens a character (or a small
 * context) gets smaller chunks, else groups of whole chunks would leave much
 * of each map prompt empty and take more model calls. One count of a sample.
 */
export async function chunkTokensFor(model: ChatModel, title: string, pages: readonly { text: string }[], mapOutput: number, max: number): Promise<number> {
  let sample = "";
  for (const p of pages) {
    if (sample.length >= SAMPLE_CHARS) break;
    sample += `${p.text}\n`;
  }
  sample = sample.slice(0, SAMPLE_CHARS);
  const estimated = estimateTokens(sample);
  if (estimated === 0) return max;
  const perEstimate = (await model.countTokens(sample)) / estimated;
  const room = await mapTextBudget(model, title, mapOutput);
  return Math.max(MIN_CHUNK_TOKENS, Math.min(max, Math.floor(room / CHUNKS_PER_GROUP / perEstimate)));
}

/**
 * Groups each document's chunks so that every map prompt fits the context:
 * budget = context − map answer − template − the prompt's own words. A chunk
 * bigger than the budget is cut at sentence boundaries (a sentence bigger
 * than it, at characters). Every chunk lands in at least one group, in order.
 */
export async function planMapGroups(model: ChatModel, docs: readonly SummaryDocument[], mapOutput: number): Promise<MapGroup[]> {
  const groups: MapGroup[] = [];
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    const budget = await mapTextBudget(model, doc.title, mapOutput);
    if (budget < 16) throw new Error(`model context ${model.contextSize} too small for a summary prompt`);
    const units: Unit[] = [];
    for (let c = 0; c < doc.chunks.length; c++) units.push(...(await fitUnit(model, c, doc.chunks[c]!, budget)));
    let current: Unit[] = [];
    let tokens = 0;
    const flush = (): void => {
      if (current.length) groups.push(toGroup(d, current, tokens));
      current = [];
      tokens = 0;
    };
    for (const u of units) {
      if (current.length && tokens + JOIN_TOKENS + u.tokens > budget) flush();
      tokens += (current.length ? JOIN_TOKENS : 0) + u.tokens;
      current.push(u);
    }
    flush();
  }
  return groups;
}

function toGroup(doc: number, units: Unit[], tokens: number): MapGroup {
  const pages = [...new Set(units.flatMap((u) => u.pages))].sort((a, b) => a - b);
  const chunkIds = [...new Set(units.map((u) => u.chunkId))];
  return { doc, text: units.map((u) => u.text).join("\n"), pages, chunkIds, tokens };
}

async function fitUnit(model: ChatModel, chunkId: number, chunk: Chunk, budget: number): Promise<Unit[]> {
  const text = chunk.text.trim();
  if (!text) return [];
  const tokens = await model.countTokens(text);
  if (tokens <= budget) return [{ chunkId, text, pages: chunk.pages, tokens }];
  const out: Unit[] = [];
  for (const s of splitSentences(text)) {
    for (const piece of await cutToBudget(model, s.text, budget)) out.push({ chunkId, text: piece.text, pages: chunk.pages, tokens: piece.tokens });
  }
  return out;
}

/** Cuts a text with no usable sentence breaks into pieces of at most `budget` tokens. */
async function cutToBudget(model: ChatModel, text: string, budget: number): Promise<{ text: string; tokens: number }[]> {
  const out: { text: string; tokens: number }[] = [];
  let rest = text;
  while (rest.length) {
    let n = await model.countTokens(rest);
    let take = rest.length;
    while (n > budget && take > 1) {
      take = Math.max(1, Math.floor((take * budget) / n) - 1);
      n = await model.countTokens(rest.slice(0, take));
    }
    out.push({ text: rest.slice(0, take), tokens: n });
    rest = rest.slice(take);
  }
  return out;
}
