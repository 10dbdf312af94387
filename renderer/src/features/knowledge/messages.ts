/** 知识库 screen strings (zh-CN defines the keys; en.ts checks that en has the same). */
export const knowledgeZhCN = {
  title: "知识库",
} as const;

/** Checked against the zh-CN keys where en.ts assigns it (en: Messages). */
export const knowledgeEn = {
  title: "Knowledge bases",
};
