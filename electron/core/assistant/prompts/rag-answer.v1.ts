import { pagesLabel, shortTitle, type PromptTemplate } from "./types";

export interface RagSource {
  n: number;
  title: string;
  pages: number[];
  /** Where the cited passage is ("第13页", "第12–14段"); default: the pages. */
  where?: string;
  text: string;
}

export interface RagAnswerVars {
  question: string;
  sources: RagSource[];
}

/** The answer when retrieval finds nothing relevant: said without calling the model. */
export const NOT_FOUND_ANSWER = "知识库中没有找到与这个问题相关的内容，无法依据资料作答。请换一种问法，或先把相关文件加入知识库。";

/** Question answering over numbered sources; every claim cites [n]. */
export const ragAnswerV1: PromptTemplate<RagAnswerVars> = {
  id: "rag-answer",
  version: 1,
  render: ({ question, sources }) => ({
    system:
      "你是政务知识库助手。只根据资料回答，论断后用[编号]注明来源；资料中没有答案就说“资料中未找到相关内容”。",
    user: `资料：\n${sources.map(renderSource).join("\n")}\n\n问题：${question}`,
  }),
};

export function renderSource(s: RagSource): string {
  return `[${s.n}]《${shortTitle(s.title, 12)}》${s.where ?? pagesLabel(s.pages)}：${s.text}`;
}
