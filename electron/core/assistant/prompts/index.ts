/** The prompts in use. A new version is a new file; switch it here. */
export { summarizeMapV1 as summarizeMap } from "./summarize-map.v1";
export { summarizeReduceV1 as summarizeReduce, renderPart } from "./summarize-reduce.v1";
export { ragAnswerV1 as ragAnswer, renderSource, NOT_FOUND_ANSWER } from "./rag-answer.v1";
export type { ReducePart } from "./summarize-reduce.v1";
export type { RagSource } from "./rag-answer.v1";
export type { PromptTemplate, RenderedPrompt } from "./types";
export { pagesLabel } from "./types";
