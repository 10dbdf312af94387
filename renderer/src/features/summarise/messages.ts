/** 摘要 screen strings (zh-CN defines the keys; en.ts checks that en has the same). */
export const summariseZhCN = {
  title: "摘要",
} as const;

/** Checked against the zh-CN keys where en.ts assigns it (en: Messages). */
export const summariseEn = {
  title: "Summarise",
};
