import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textPage } from "../../testing/ocr-images";
import { characterErrorRate } from "./cer";
import { OcrEngine } from "./engine";
import { canvasOf, rasterOf, rotateRaster, type QuarterTurn, type Raster } from "./raster";

// Real PP-OCRv4 models through ONNX Runtime on pages drawn here: nothing mocked.
const LINES = ["东莞市人民政府办公室文件", "东府办〔2015〕123号", "关于印发积分制人才入户实施细则的通知", "各镇人民政府（街道办事处），市府直属各单位："];
const TEXT = LINES.join("\n");

function skewed(r: Raster, degrees: number): Raster {
  const c = canvasOf(r);
  const out = canvasOf({ ...r, data: new Uint8ClampedArray(r.data.length).fill(255) });
  const ctx = out.getContext("2d");
  ctx.translate(r.width / 2, r.height / 2);
  ctx.rotate((degrees * Math.PI) / 180);
  ctx.drawImage(c, -r.width / 2, -r.height / 2);
  return rasterOf(out);
}

describe("OcrEngine (PP-OCRv4 on ONNX Runtime)", () => {
  let engine: OcrEngine;
  const page = textPage(LINES, { width: 760 });
  beforeAll(async () => {
    engine = await OcrEngine.create({ threads: 1 });
  });
  afterAll(async () => engine?.release());

  it.each([0, 90, 180, 270] as QuarterTurn[])("reads a page turned %i° upright, with line boxes", async (turn) => {
    const read = await engine.readPage(rotateRaster(page, turn));
    expect(read.rotation).toBe((360 - turn) % 360);
    expect(characterErrorRate(TEXT, read.text)).toBeLessThan(0.05);
    expect(read.lines.map((l) => l.text).join("")).toContain("东府办");
    // Boxes are in the upright page: the first line sits above the last, inside the page.
    const [first, last] = [read.lines[0]!, read.lines.at(-1)!];
    expect(first.box.y).toBeLessThan(last.box.y);
    expect(last.box.x + last.box.w).toBeLessThanOrEqual(read.width + 2);
    expect(read.width).toBe(page.width);
    expect(read.confidence).toBeGreaterThan(0.8);
  });

  it("tolerates a small skew", async () => {
    const read = await engine.readPage(skewed(page, 3));
    expect(read.rotation).toBe(0);
    expect(characterErrorRate(TEXT, read.text)).toBeLessThan(0.08);
  });

  it("reads nothing on a blank page", async () => {
    const read = await engine.readPage(textPage([], { width: 400 }));
    expect(read).toMatchObject({ text: "", lines: [], confidence: 0 });
  });
});
