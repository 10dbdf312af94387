import type { SummaryLength } from "../extractive";
import { pagesLabel, shortTitle, type PromptTemplate } from "./types";

export interface ReducePart {
  /** Number the model cites as [n]. */
  n: number;
  pages: number[];
  text: string;
  document?: string;
}

export interface SummarizeReduceVars {
  title: string;
  parts: ReducePart[];
  length: SummaryLength;
  /** The last round: the answer the user sees, in the requested length. */
  final: boolean;
}

const FINAL_ASK: Record<SummaryLength, string> = {
  brief: "请用一句话概括全文主旨。",
  bullets: "请列出全文要点，每条以“- ”开头，末尾用[编号]注明出处。",
  detailed: "请按原文顺序分段写详细摘要，每段末尾用[编号]注明出处。",
};

/** Reduce step: merge the numbered partial summaries, in rounds, into one. */
export const summarizeReduceV1: PromptTemplate<SummarizeReduceVars> = {
  id: "summarize-reduce",
  version: 1,
  render: ({ title, parts, length, final }) => ({
    system: "合并同一文档各部分的摘要，只用其中信息，去掉重复。",
    user: `《${shortTitle(title)}》各部分摘要：\n${parts.map(renderPart).join("\n")}\n\n${final ? FINAL_ASK[length] : "请合并为几条要点，用[编号]注明出处。"}`,
  }),
};

export function renderPart(p: ReducePart): string {
  const where = [p.document ? `《${shortTitle(p.document, 12)}》` : "", pagesLabel(p.pages)].join("");
  return `[${p.n}]${where ? `（${where}）` : ""}${p.text}`;
}
