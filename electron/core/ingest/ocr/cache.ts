import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { OcrPageLayout } from "../types";

/**
 * Bumped whenever the engine, models, render resolution or layout change
 * what a page reads as: older cache entries are then simply not found.
 */
export const OCR_VERSION = "ppocrv4-150dpi-2";

/** One page's OCR result as cached (and as a worker hands it back). */
export interface CachedPage {
  text: string;
  confidence: number;
  layout: OcrPageLayout;
}

/**
 * OCR results by file content: `<dir>/<sha256[0:2]>/<sha256>/<version>-<page>.json`.
 * Written page by page, so a cancelled or crashed run resumes at the first
 * page not yet read, and indexing the same file again (elsewhere, in another
 * base, after a reinstall of the index) reads nothing twice.
 */
export class OcrCache {
  constructor(
    private readonly dir: string,
    private readonly sha256: string,
  ) {}

  private file(page: number): string {
    return join(this.dir, this.sha256.slice(0, 2), this.sha256, `${OCR_VERSION}-${page}.json`);
  }

  async get(page: number): Promise<CachedPage | null> {
    try {
      const v = JSON.parse(await readFile(this.file(page), "utf8")) as CachedPage;
      return typeof v.text === "string" && typeof v.confidence === "number" && Array.isArray(v.layout?.lines) ? v : null;
    } catch {
      return null;
    }
  }

  /** Atomic (temp file, then rename): a crash mid-write leaves no half entry. */
  async put(page: number, value: CachedPage): Promise<void> {
    const f = this.file(page);
    await mkdir(dirname(f), { recursive: true });
    const tmp = `${f}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, f);
  }
}
