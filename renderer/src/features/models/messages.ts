/** 模型 screen strings (zh-CN defines the keys; en.ts checks that en has the same). */
export const modelsZhCN = {
  title: "模型",
} as const;

/** Checked against the zh-CN keys where en.ts assigns it (en: Messages). */
export const modelsEn = {
  title: "Models",
};
