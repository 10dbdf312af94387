/** 管理 (policy, audit log) strings (zh-CN defines the keys; en.ts checks that en has the same). */
export const adminZhCN = {
  title: "管理",
} as const;

/** Checked against the zh-CN keys where en.ts assigns it (en: Messages). */
export const adminEn = {
  title: "Administration",
};
