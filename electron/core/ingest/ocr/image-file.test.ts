import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { encodeBmp, encodeJpeg, encodePng, encodeTiff, textPage } from "../../testing/ocr-images";
import { tempDir } from "../../testing/temp-dir";
import { openImageFile } from "./image-file";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function dirForTest(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe("openImageFile", () => {
  const page = textPage(["图片文件"], { width: 300 });

  it("opens PNG, JPEG and BMP as one page of the right size", async () => {
    const dir = dirForTest();
    for (const [name, bytes] of [["a.png", await encodePng(page)], ["a.jpg", await encodeJpeg(page)], ["a.bmp", encodeBmp(page)]] as const) {
      const p = join(dir, name);
      await writeFile(p, bytes);
      const doc = await openImageFile(p);
      expect(doc.count).toBe(1);
      const r = await doc.page(0);
      expect([r.width, r.height]).toEqual([page.width, page.height]);
      // Dark text on white survived decoding.
      expect(r.data.some((v, i) => i % 4 === 0 && v < 60)).toBe(true);
    }
  });

  it("opens every page of a multi-page TIFF, one at a time", async () => {
    const dir = dirForTest();
    const p = join(dir, "scan.tif");
    const second = textPage(["第二页", "第二页"], { width: 200 });
    await writeFile(p, encodeTiff([page, second]));
    const doc = await openImageFile(p);
    expect(doc.count).toBe(2);
    const r = await doc.page(1);
    expect([r.width, r.height]).toEqual([second.width, second.height]);
  });

  it("refuses a corrupt image with a message naming the file", async () => {
    const dir = dirForTest();
    const p = join(dir, "bad.png");
    await writeFile(p, Buffer.from("\x89PNG\r\n\x1a\nnot really a png"));
    await expect(openImageFile(p)).rejects.toThrow(/bad\.png/);
    const t = join(dir, "bad.tif");
    await writeFile(t, Buffer.from([0x49, 0x49, 0x2a, 0x00, 0xff, 0xff, 0xff, 0x7f]));
    await expect(openImageFile(t)).rejects.toThrow(/bad\.tif/);
  });
});
