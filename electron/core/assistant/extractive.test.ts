import { describe, expect, it } from "vitest";
import { extractiveSummary, pointCount } from "./extractive";
import { longNotice } from "./testing/documents";

const norm = (s: string): string => s.replace(/\s+/g, "");

describe("extractiveSummary", () => {
  const pages = longNotice(60);
  const source = norm(pages.map((p) => p.text).join(""));

  it.each(["brief", "bullets", "detailed"] as const)("%s: only sentences of the source, labelled extractive", (length) => {
    const r = extractiveSummary(pages, length);
    expect(r.method).toBe("extractive");
    expect(r.points.length).toBe(pointCount(length, 120));
    for (const p of r.points) {
      expect(source).toContain(norm(p.text));
      // Each point's page really contains it.
      expect(norm(pages[p.pages[0]! - 1]!.text)).toContain(norm(p.text));
    }
  });

  it("covers the beginning, middle and end of the document in document order", () => {
    for (const length of ["bullets", "detailed"] as const) {
      const pagesOf = extractiveSummary(pages, length).points.map((p) => p.pages[0]!);
      expect(Math.min(...pagesOf)).toBeLessThanOrEqual(10);
      expect(pagesOf.some((p) => p > 20 && p <= 40)).toBe(true);
      expect(Math.max(...pagesOf)).toBeGreaterThan(50);
      expect([...pagesOf].sort((a, b) => a - b)).toEqual(pagesOf);
    }
  });

  it("prefers content sentences over headers, dates and signatures", () => {
    const r = extractiveSummary(
      [
        {
          page: 1,
          text: "XX市人民政府办公室\n2025年3月15日\n为进一步规范办公用品采购，节约行政经费，现就有关事项通知如下。\n一、严格采购审批。各单位采购办公用品须经分管领导审批，单笔超过五千元的报财务部门备案。\n二、实行季度盘点。各单位每季度末对办公用品进行盘点，建立台账。\n",
        },
      ],
      "brief",
    );
    expect(r.points).toHaveLength(1);
    expect(r.points[0]!.text.length).toBeGreaterThan(15);
    expect(r.summary).toBe(r.points[0]!.text);
  });

  it("renders bullets as a Markdown list and gives nothing for an empty document", () => {
    expect(extractiveSummary(pages, "bullets").summary.split("\n").every((l) => l.startsWith("- "))).toBe(true);
    expect(extractiveSummary([{ page: 1, text: "  \n" }], "bullets")).toEqual({ method: "extractive", summary: "", points: [] });
  });

  it("is fast on a 200-page document", () => {
    const big = longNotice(200);
    const t0 = performance.now();
    extractiveSummary(big, "detailed");
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
