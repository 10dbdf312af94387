import { theme, type ThemeConfig } from "antd";
import type { Settings } from "../../../electron/common/settings";

/** antd's base font size; fontScale is a percentage of it. */
export const BASE_FONT_SIZE = 14;

/**
 * System fonts only (the app is offline and loads no web fonts): Windows,
 * macOS and the domestic Linux desktops (Kylin, UOS) each have one of these.
 */
export const FONT_FAMILY = [
  "-apple-system",
  "BlinkMacSystemFont",
  "'Segoe UI'",
  "'Microsoft YaHei'",
  "'PingFang SC'",
  "'Hiragino Sans GB'",
  "'Noto Sans CJK SC'",
  "'Source Han Sans SC'",
  "'WenQuanYi Micro Hei'",
  "'Helvetica Neue'",
  "Arial",
  "sans-serif",
].join(", ");

export function fontSizeFor(scale: Settings["fontScale"]): number {
  return Math.round((BASE_FONT_SIZE * scale) / 100);
}

/** The antd theme for the user's settings: light/dark algorithm and scaled type. */
export function themeConfig(settings: Pick<Settings, "theme" | "fontScale">): ThemeConfig {
  return {
    algorithm: settings.theme === "dark" ? theme.darkAlgorithm : theme.defaultAlgorithm,
    token: { fontSize: fontSizeFor(settings.fontScale), fontFamily: FONT_FAMILY },
  };
}
