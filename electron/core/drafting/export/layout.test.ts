import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DraftSpec } from "../../../common/contracts/drafting";
import { tempDir } from "../../testing/temp-dir";
import { resolveDocument } from "../document";
import { hasSoffice, readLayout, renderPdf, type PageLayout } from "../testing/pdf-layout";
import { measureLayout, type LayoutReport } from "../testing/measure";
import { KIND_SPECS, longNoticeSpec } from "../testing/specs";
import { buildDocx } from "./build";

/**
 * The exported DOCX laid out by LibreOffice (a test dependency, installed by
 * .ci/run) and measured in the PDF with pdfjs. Two documents only: each
 * render takes seconds.
 */
const skip = !hasSoffice();
if (skip) console.warn("layout test skipped: LibreOffice (soffice) is not installed — apt-get install libreoffice-writer-nogui");

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir("govdesk-layout-")));
afterAll(() => cleanup?.());

async function render(name: string, spec: unknown): Promise<{ pages: PageLayout[]; estimate: number }> {
  const built = await buildDocx(resolveDocument(DraftSpec.parse(spec)));
  const path = join(dir, `${name}.docx`);
  writeFileSync(path, built.bytes);
  return { pages: await readLayout(await renderPdf(path, dir)), estimate: built.pages };
}

describe.skipIf(skip)("GB/T 9704-2012 layout, rendered by LibreOffice", () => {
  let report: LayoutReport;
  let pages: PageLayout[];
  let estimate: number;
  beforeAll(async () => {
    ({ pages, estimate } = await render("notice", longNoticeSpec(10)));
    report = measureLayout(pages);
    console.log(`layout (通知, ${pages.length} pages): ${JSON.stringify(report)}`);
  }, 240_000);

  it("starts the text 37 mm from the top and 28 mm from the left; 22 lines of 28 characters fill a page", () => {
    expect(report.fullPage).not.toBeNull();
    const p = report.fullPage!;
    expect(p.lines).toBe(22);
    expect(Math.abs(p.topMm - 37)).toBeLessThanOrEqual(1);
    expect(Math.abs(p.leftMm - 28)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(p.pitchMm - 225 / 22)).toBeLessThan(0.1);
    expect(p.fullLineChars).toEqual([28]);
    expect(Math.abs(p.rightMm - 184)).toBeLessThanOrEqual(0.6);
  });

  it("numbers the pages “— N —” 7 mm below the 版心, odd right and even left, one character in", () => {
    expect(report.pageNumbers.map((n) => n.text)).toEqual(pages.map((_p, i) => `— ${i + 1} —`));
    for (const n of report.pageNumbers) {
      expect(Math.abs(n.dashBelowMm - 7)).toBeLessThanOrEqual(1);
      if (n.page % 2 === 1) expect(Math.abs(n.rightMm - (184 - 4.94))).toBeLessThanOrEqual(0.5);
      else expect(Math.abs(n.leftMm - (28 + 4.94))).toBeLessThanOrEqual(0.5);
    }
  });

  it("puts the red mark 35 mm below the 版心 top and the red line 4 mm under the 发文字号, as wide as the 版心", () => {
    expect(Math.abs(report.markTopMm! - 72)).toBeLessThanOrEqual(1);
    const red = report.redLine!;
    expect(Math.abs(red.belowNumberMm - 4)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(red.x0 - 28)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(red.x1 - 184)).toBeLessThanOrEqual(0.5);
  });

  it("puts each 附件 on a new page and the 版记 at the foot of the last page, as the page count estimate says", () => {
    expect(report.attachmentPages).toEqual([pages.length - 1, pages.length]);
    const rec = report.record!;
    expect(rec.page).toBe(pages.length);
    expect(rec.widths).toEqual([1, 0.75, 1]);
    expect(Math.abs(rec.bottomMm - 262)).toBeLessThanOrEqual(1);
    expect(estimate).toBe(pages.length);
  });

  it("sets a 上行文's 发文字号 and last 签发人 on one line, the red line under them", async () => {
    const { pages: q } = await render("request", KIND_SPECS.请示);
    const r = measureLayout(q);
    console.log(`layout (请示): ${JSON.stringify({ signerLine: r.signerLine, redLine: r.redLine, markTopMm: r.markTopMm })}`);
    expect(r.signerLine).toMatchObject({ sameLine: true });
    expect(Math.abs(r.redLine!.belowNumberMm - 4)).toBeLessThanOrEqual(0.7);
    expect(Math.abs(r.markTopMm! - 72)).toBeLessThanOrEqual(1);
  }, 240_000);
});
