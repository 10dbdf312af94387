import { describe, expect, it } from "vitest";
import { ocrPassageBoxes, unturn, type OcrLayout } from "./ocr-boxes";

const layout = (rotation: number): OcrLayout => ({
  confidence: 0.9,
  rotation,
  lines: [
    { text: "关于加强数据安全管理的通知", confidence: 0.95, box: [0.1, 0.1, 0.8, 0.05] },
    { text: "一、涉密数据应当存储在专用设备上。", confidence: 0.9, box: [0.1, 0.2, 0.85, 0.04] },
    { text: "二、定期开展安全检查。", confidence: 0.9, box: [0.1, 0.3, 0.5, 0.04] },
  ],
});

describe("ocrPassageBoxes", () => {
  it("marks the characters of each line the passage covers, on an upright scan", () => {
    // "涉密数据应当存储" is characters 2..10 of a 17-character line.
    const boxes = ocrPassageBoxes(layout(0), "涉密数据应当存储");
    expect(boxes).toHaveLength(1);
    const [x, y, w, h] = boxes[0]!;
    expect(x).toBeCloseTo(0.1 + (0.85 * 2) / 17);
    expect(w).toBeCloseTo((0.85 * 8) / 17);
    expect([y, h]).toEqual([0.2, 0.04]);
  });

  it("spans lines, ignoring the line breaks between them", () => {
    const boxes = ocrPassageBoxes(layout(0), "专用设备上。\n二、定期");
    expect(boxes.map((b) => b[1])).toEqual([0.2, 0.3]);
    expect(boxes[1]![0]).toBeCloseTo(0.1);
  });

  it("finds nothing when the passage is not on the page", () => {
    expect(ocrPassageBoxes(layout(0), "不在这一页上的文字内容")).toEqual([]);
  });

  it("turns boxes back onto a scan that OCR read turned (90°, 180°, 270° clockwise)", () => {
    const box: [number, number, number, number] = [0.1, 0.2, 0.3, 0.05];
    // The upright page's top-left corner is the scan's bottom-left after a clockwise quarter turn.
    expect(unturn(box, 90).map((v) => +v.toFixed(6))).toEqual([0.2, 0.6, 0.05, 0.3]);
    expect(unturn(box, 180).map((v) => +v.toFixed(6))).toEqual([0.6, 0.75, 0.3, 0.05]);
    expect(unturn(box, 270).map((v) => +v.toFixed(6))).toEqual([0.75, 0.1, 0.05, 0.3]);
    for (const r of [0, 90, 180, 270]) expect(unturn(unturn(box, r), (360 - r) % 360).map((v) => +v.toFixed(6))).toEqual(box);
  });
});
