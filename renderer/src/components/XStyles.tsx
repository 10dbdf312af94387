import { ConfigProvider, type ThemeConfig } from "antd";
import type { ReactNode } from "react";

/*
 * The window runs antd with zeroRuntime (its styles come pre-built from
 * antd/dist/antd.css, see theme.ts). @ant-design/x ships no such file, so
 * its components (Bubble, Sender, Conversations) keep generating their
 * styles at run time inside this provider. One fixed key: every use shares
 * one set of theme variables instead of one per bubble.
 */
const RUNTIME_STYLES: ThemeConfig = { zeroRuntime: false, cssVar: { key: "govdesk-x" } };

export function XStyles({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={RUNTIME_STYLES}>{children}</ConfigProvider>;
}
