import { RpcError } from "../../../common/rpc/wire";
import type { Format } from "../extract";
import { sha256File } from "../hash";
import type { ExtractedPage, OcrPageLayout } from "../types";
import { OcrCache, type CachedPage } from "./cache";
import { characterErrorRate } from "./cer";
import { OcrEngine, type OcrPage } from "./engine";
import { ocrCandidates, type OcrProgress, type OcrSettings } from "./candidates";
import { checkTextLayer } from "./garbled";
import { openPageSource, type PageSource } from "./page-source";
import { pageList } from "./pages-text";

/** A text layer this far from OCR of the same page is not the page's text. */
const DISAGREE_CER = 0.35;

let engine: Promise<OcrEngine> | null = null;
let engineThreads = 0;

/** One engine per thread, made on first use and kept while the thread lives (the pool ends idle threads). */
function engineFor(threads: number): Promise<OcrEngine> {
  if (!engine || engineThreads !== threads) {
    engineThreads = threads;
    engine = OcrEngine.create({ threads });
    engine.catch(() => (engine = null));
  }
  return engine;
}

function toCached(r: OcrPage): CachedPage {
  const layout: OcrPageLayout = {
    rotation: r.rotation,
    lines: r.lines.map((l) => ({ text: l.text, confidence: round(l.confidence), box: [round(l.box.x / r.width), round(l.box.y / r.height), round(l.box.w / r.width), round(l.box.h / r.height)] })),
  };
  return { text: r.text, confidence: round(r.confidence), layout };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/**
 * The OCR step of extraction, in the worker thread: reads the candidate
 * pages one at a time (cache first), reports each page, stops on the
 * signal, and returns the pages with OCR text where it is the better text,
 * plus warnings that say honestly what happened.
 */
export async function applyOcr(
  path: string,
  format: Format,
  pages: ExtractedPage[],
  settings: OcrSettings,
  opts: { signal?: AbortSignal; onProgress?: (p: OcrProgress) => void } = {},
): Promise<{ pages: ExtractedPage[]; warnings: string[] }> {
  const warnings: string[] = [];
  const wanted = ocrCandidates(format, pages, settings.disabled ? "off" : settings.mode);
  if (settings.disabled && ocrCandidates(format, pages, settings.mode).length) warnings.push("管理策略已关闭 OCR，扫描页和乱码页未识别");
  if (settings.mode === "off") {
    const garbled = pages.filter((p) => p.text.trim() && checkTextLayer(p.text).verdict === "garbled").map((p) => p.page);
    if (garbled.length) warnings.push(`第 ${pageList(garbled)} 页的文字层疑似乱码（OCR 已关闭）`);
  }
  const cap = settings.maxPages ?? Infinity;
  const todo = wanted.slice(0, cap);
  if (wanted.length > todo.length) warnings.push(`需要 OCR 的页数超过上限 ${cap} 页，第 ${pageList(wanted.slice(cap).map((w) => w.page))} 页未识别`);
  if (!todo.length) return { pages, warnings };

  const cache = settings.cacheDir ? new OcrCache(settings.cacheDir, await sha256File(path)) : null;
  const out = new Map(pages.map((p) => [p.page, p]));
  const replaced: number[] = [];
  const unreadable: number[] = [];
  let source: PageSource | null = null;
  try {
    for (const [i, w] of todo.entries()) {
      if (opts.signal?.aborted) throw new RpcError("CANCELLED", "已取消");
      opts.onProgress?.({ page: w.page, done: i, total: todo.length });
      let read = cache ? await cache.get(w.page) : null;
      if (!read) {
        source ??= await openPageSource(path, format);
        const image = await source.image(w.page);
        read = toCached(await (await engineFor(settings.threads ?? 1)).readPage(image, opts.signal ? { signal: opts.signal } : {}));
        await cache?.put(w.page, read);
      }
      const before = out.get(w.page)!;
      // A doubtful text layer stays when OCR of the page agrees with it.
      if (w.why === "suspect" && characterErrorRate(before.text, read.text) < DISAGREE_CER) continue;
      if (!read.text.trim()) {
        if (w.why === "no-text") unreadable.push(w.page);
        continue;
      }
      if (w.why === "garbled" || w.why === "suspect") replaced.push(w.page);
      out.set(w.page, { page: w.page, text: read.text, source: "ocr", confidence: read.confidence, ocr: read.layout });
    }
    opts.onProgress?.({ page: todo.at(-1)!.page, done: todo.length, total: todo.length });
  } finally {
    await source?.close();
  }
  const result = [...out.values()];
  const ocrd = result.filter((p) => p.source === "ocr");
  if (ocrd.length) {
    const mean = ocrd.reduce((s, p) => s + (p.confidence ?? 0), 0) / ocrd.length;
    warnings.push(`第 ${pageList(ocrd.map((p) => p.page))} 页由 OCR 识别（平均可信度 ${Math.round(mean * 100)}%）`);
  }
  if (replaced.length) warnings.push(`第 ${pageList(replaced)} 页的文字层是乱码，已改用 OCR 识别的文字`);
  if (unreadable.length) warnings.push(`第 ${pageList(unreadable)} 页 OCR 未能识别出文字`);
  return { pages: result, warnings };
}
