import { theme } from "antd";
import { describe, expect, it } from "vitest";
import { fontSizeFor, themeConfig } from "./theme";

describe("themeConfig", () => {
  it("picks antd's algorithm from the theme setting", () => {
    expect(themeConfig({ theme: "light", fontScale: 100 }).algorithm).toBe(theme.defaultAlgorithm);
    expect(themeConfig({ theme: "dark", fontScale: 100 }).algorithm).toBe(theme.darkAlgorithm);
  });

  it("scales the base font size by fontScale", () => {
    expect(fontSizeFor(100)).toBe(14);
    expect(fontSizeFor(115)).toBe(16);
    expect(fontSizeFor(130)).toBe(18);
    expect(themeConfig({ theme: "light", fontScale: 130 }).token?.fontSize).toBe(18);
  });

  it("prefers fonts that render Chinese", () => {
    expect(themeConfig({ theme: "light", fontScale: 100 }).token?.fontFamily).toMatch(/Microsoft YaHei.*Noto Sans CJK SC/);
  });

  it("keeps tag texts readable on their backgrounds (WCAG AA 4.5:1): status tags and preset colours", () => {
    const token = theme.getDesignToken(themeConfig({ theme: "light", fontScale: 100 })) as unknown as Record<string, string>;
    const pairs: [string, string][] = [
      [token["colorSuccess"]!, token["colorSuccessBg"]!],
      [token["colorWarning"]!, token["colorWarningBg"]!],
      ...["green", "gold", "orange", "cyan", "lime", "volcano"].flatMap((c): [string, string][] => [
        [token[`${c}7`]!, token[`${c}1`]!],
        [token[`${c}-7`]!, token[`${c}-1`]!],
      ]),
    ];
    for (const [fg, bg] of pairs) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
