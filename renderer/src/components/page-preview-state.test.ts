import { describe, expect, it } from "vitest";
import { previewKey, shownFor } from "./page-preview-state";

describe("page preview state", () => {
  it("shows a result only for the request it answers", () => {
    const page2 = { key: previewKey(7, 2), data: "第二页" };
    expect(shownFor(page2, previewKey(7, 2))).toBe(page2);
    // Paging on, or opening another document: the old page is hidden while the new one loads.
    expect(shownFor(page2, previewKey(7, 3))).toBeNull();
    expect(shownFor(page2, previewKey(8, 2))).toBeNull();
    expect(shownFor({ key: previewKey(7, 2), error: "无法打开原文" }, previewKey(7, 1))).toBeNull();
    expect(shownFor(null, previewKey(7, 2))).toBeNull();
    expect(shownFor(page2, "")).toBeNull();
    // A file on disk (a summary's source) is keyed by its path.
    expect(previewKey({ path: "/a/通知.pdf" }, 2)).toBe("file:/a/通知.pdf:2");
    expect(previewKey({ documentId: 7 }, 2)).toBe(previewKey(7, 2));
  });
});
