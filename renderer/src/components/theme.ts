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

/**
 * Colours that keep text readable (WCAG AA, 4.5:1, checked by axe in the
 * e2e run): antd's default blue, red and grey texts fall short on white
 * (#1677ff is 4.1:1, 45 % black 3.4:1), so links, errors and secondary or
 * placeholder text are a shade darker (lighter on the dark theme).
 */
function shade7<K extends string>(colors: Record<K, string>): Record<`${K}7` | `${K}-7`, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries<string>(colors)) out[`${name}7`] = out[`${name}-7`] = value;
  return out as Record<`${K}7` | `${K}-7`, string>;
}

const READABLE = {
  light: {
    colorPrimary: "#0958d9",
    colorLink: "#0958d9",
    colorError: "#cf1322",
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.58)",
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    // Status tags (就绪, 需要 OCR) are coloured text on a pale background. The background is set too:
    // derived from these darker seeds it comes out murky (就绪 was 3:1 on it).
    colorSuccess: "#237804",
    colorSuccessBg: "#f6ffed",
    colorSuccessBorder: "#b7eb8f",
    colorWarning: "#8a5a00",
    colorWarningBg: "#fffbe6",
    colorWarningBorder: "#ffe58f",
    // Preset-colour tags use the palette's 7th shade as text: darker where antd's is too light.
    // Both spellings: "green7" and "green-7" are one CSS variable (--ant-green-7), and the derived one won.
    ...shade7({ green: "#237804", gold: "#7c5a00", orange: "#ad4e00", cyan: "#006d75", lime: "#3f6600", volcano: "#ad2102" }),
  },
  dark: {
    colorTextSecondary: "rgba(255, 255, 255, 0.72)",
    colorTextTertiary: "rgba(255, 255, 255, 0.62)",
    colorTextDescription: "rgba(255, 255, 255, 0.66)",
    colorTextPlaceholder: "rgba(255, 255, 255, 0.6)",
  },
} as const;

/** The antd theme for the user's settings: light/dark algorithm, scaled type, readable colours. */
export function themeConfig(settings: Pick<Settings, "theme" | "fontScale">): ThemeConfig {
  const dark = settings.theme === "dark";
  return {
    // Component styles come pre-built from antd/dist/antd.css (less the components no screen can draw:
    // scripts/build/antd-css.ts), and @ant-design/x's from a sheet made at build time (both imported by
    // main.tsx): generating them at run time was most of the window's start-up script (issue 15). The
    // build also leaves the style generators out of the bundle (scripts/build/zero-runtime-styles.ts),
    // so turning this flag off would not bring run-time styles back. The theme still works: that CSS
    // reads the colours and sizes from CSS variables, which antd sets from this config.
    zeroRuntime: true,
    algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm,
    token: { fontSize: fontSizeFor(settings.fontScale), fontFamily: FONT_FAMILY, ...(dark ? READABLE.dark : READABLE.light) },
  };
}
