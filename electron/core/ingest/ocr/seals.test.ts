import { createCanvas } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { CJK_FONT } from "../../testing/ocr-images";
import { suppressSeals } from "./seals";

function redAt(data: Uint8ClampedArray, w: number, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) {
    const o = (y * w + x) * 4;
    if (data[o]! > 150 && data[o + 1]! < 100) n++;
  }
  return n;
}

describe("suppressSeals", () => {
  it("whitens a red seal stamped over black text, keeps the text and a red header", () => {
    const c = createCanvas(800, 800);
    const ctx = c.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, 800, 800);
    ctx.fillStyle = "#e00000";
    ctx.font = `60px ${CJK_FONT}`;
    ctx.fillText("市人民政府文件", 100, 100);
    ctx.strokeStyle = "#e00000";
    ctx.lineWidth = 8;
    ctx.beginPath();
    ctx.arc(500, 550, 130, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.font = `40px ${CJK_FONT}`;
    ctx.fillText("办公室", 440, 600);
    ctx.fillStyle = "#000";
    ctx.font = `30px ${CJK_FONT}`;
    ctx.fillText("东莞市人民政府办公室", 350, 560);
    const data = ctx.getImageData(0, 0, 800, 800).data;
    const out = suppressSeals({ width: 800, height: 800, data }).data;
    expect(redAt(out, 800, 350, 400, 650, 700)).toBe(0);
    expect(redAt(out, 800, 80, 30, 600, 120)).toBe(redAt(data, 800, 80, 30, 600, 120));
    // The black text under the seal is still there.
    let dark = 0;
    for (let i = (540 * 800 + 350) * 4; i < (575 * 800) * 4; i += 4) if (out[i]! < 80 && out[i + 1]! < 80) dark++;
    expect(dark).toBeGreaterThan(500);
  });
});
