/** 对话 screen strings (zh-CN defines the keys; en.ts checks that en has the same). */
export const chatZhCN = {
  title: "对话",
} as const;

/** Checked against the zh-CN keys where en.ts assigns it (en: Messages). */
export const chatEn = {
  title: "Chat",
};
