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
});
