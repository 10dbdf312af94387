import type { Plugin } from "vite";

/**
 * The stylesheet of the @ant-design/x components the window uses, made at
 * build time. antd runs with zeroRuntime from its pre-built antd.css (see
 * renderer/src/components/theme.ts); @ant-design/x ships no such file, so its
 * components generated their styles in the renderer on every start (its
 * style functions and stylis: most of the CSS-in-JS left on the first screen's
 * path, issue 15). Each of its components registers one style for all its
 * variants, and in CSS-variable mode that style only refers to variables
 * (`var(--ant-…)`, set at run time from the theme), so one sheet serves the
 * light and dark themes and every font scale (x-styles.test.ts checks it).
 *
 * The renderer imports `virtual:govdesk-x-styles.css`; this plugin renders
 * the components once in Node with a style cache and writes what they
 * registered, so the sheet always matches the installed @ant-design/x.
 */
export const X_STYLES_ID = "virtual:govdesk-x-styles.css";

export function xStyles(): Plugin {
  return {
    name: "govdesk-x-styles",
    resolveId: (id) => (id === X_STYLES_ID ? X_STYLES_ID : null),
    async load(id) {
      if (id !== X_STYLES_ID) return null;
      const { extractXStyles } = await import("./x-styles-extract");
      return extractXStyles();
    },
  };
}
