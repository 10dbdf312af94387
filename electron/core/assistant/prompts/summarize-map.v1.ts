import { pagesLabel, shortTitle, type PromptTemplate } from "./types";

export interface SummarizeMapVars {
  title: string;
  pages: number[];
  text: string;
}

/** Map step: the gist of one part of a long document, only from that part. */
export const summarizeMapV1: PromptTemplate<SummarizeMapVars> = {
  id: "summarize-map",
  version: 1,
  render: ({ title, pages, text }) => ({
    system: "你是政务文书助手。只依据原文，用简洁的中文列出要点，不编造。",
    user: `《${shortTitle(title)}》${pagesLabel(pages)}：\n${text}\n\n请概括这部分的要点。`,
  }),
};
