import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { themeConfig } from "../../renderer/src/components/theme";
import { importedNames } from "./antd-css";
import { extractXStyles, X_COMPONENTS } from "./x-styles-extract";

const RENDERER = join(import.meta.dirname, "../../renderer/src");

/** Top-level selectors of a plain stylesheet (keyframes' steps left out). */
function topSelectors(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === "{") {
      if (depth === 0) out.push(css.slice(start, i).trim());
      depth++;
    } else if (css[i] === "}" && --depth === 0) start = i + 1;
  }
  return out;
}

describe("@ant-design/x's pre-built stylesheet", () => {
  const light = extractXStyles(themeConfig({ theme: "light", fontScale: 100 }));

  it("covers every @ant-design/x component the renderer imports (one left out would be drawn unstyled)", () => {
    const used = importedNames(RENDERER, "@ant-design/x");
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((name) => !(name in X_COMPONENTS))).toEqual([]);
    for (const name of Object.keys(X_COMPONENTS)) expect(light, name).toContain(`.ant-${name.toLowerCase()}`);
  });

  it("holds only those components' own rules and their animations, with no hash in the selectors", () => {
    const prefixes = Object.keys(X_COMPONENTS).map((name) => `.ant-${name.toLowerCase()}`);
    const selectors = topSelectors(light);
    expect(selectors.length).toBeGreaterThan(50);
    const foreign = selectors.filter((s) => !s.startsWith("@keyframes") && !s.split(",").every((part) => prefixes.some((p) => part.trim().startsWith(p))));
    // antd's own components (the Sender's text box and buttons…) come from antd.css, not from here.
    expect(foreign).toEqual([]);
    expect(light).not.toMatch(/\.css-[\w-]+/);
    expect(selectors.filter((s) => s.startsWith("@keyframes")).length).toBeGreaterThan(0);
  });

  it("is the same sheet for the dark theme and every font scale: it refers to the theme's CSS variables only", () => {
    expect(light).toContain("var(--ant-");
    for (const theme of ["light", "dark"] as const) {
      for (const fontScale of [100, 115, 130] as const) expect(extractXStyles(themeConfig({ theme, fontScale })), `${theme} ${fontScale}`).toBe(light);
    }
  });
});
