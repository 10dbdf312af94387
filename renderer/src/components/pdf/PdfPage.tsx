import type { PDFDocumentProxy } from "pdfjs-dist";
import { useEffect, useRef, useState } from "react";
import { passageRanges } from "../highlight";
import { ocrPassageBoxes, type OcrLayout } from "./ocr-boxes";
import { loadPdfjs } from "./pdf-loader";

interface Props {
  doc: PDFDocumentProxy;
  page: number;
  /** Width to draw the page at, CSS pixels. */
  width: number;
  /** Passage to mark on the page (a citation); none for a plain preview. */
  passage?: string | undefined;
  /** A scanned page's OCR lines and boxes: where the passage is marked when the page has no text layer to match. */
  ocr?: OcrLayout | null | undefined;
  testId: string;
  /** Told once the page is drawn: whether the passage was found on it. */
  onRendered?: (found: boolean | null) => void;
  onError?: (e: unknown) => void;
  label: string;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * One PDF page as it looks: drawn on a canvas, with pdfjs's text layer over
 * it (transparent, selectable text at the glyphs' positions) and the cited
 * passage marked by boxes over the characters it covers in that layer.
 */
export function PdfPage({ doc, page, width, passage, ocr, testId, onRendered, onError, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ w: number; h: number; scale: number } | null>(null);
  const [boxes, setBoxes] = useState<(Box & { from: "text" | "ocr" })[]>([]);
  const [drawn, setDrawn] = useState(false);
  // Parent callbacks change identity each render; the drawing must not restart for that.
  const report = useRef({ onRendered, onError });
  report.current = { onRendered, onError };

  useEffect(() => {
    let cancelled = false;
    let renderTask: { cancel(): void; promise: Promise<unknown> } | null = null;
    let textLayer: { cancel(): void } | null = null;
    setDrawn(false);
    setBoxes([]);
    void (async () => {
      try {
        const pdfjs = await loadPdfjs();
        const p = await doc.getPage(page);
        if (cancelled) return;
        const base = p.getViewport({ scale: 1 });
        const scale = width / base.width;
        const viewport = p.getViewport({ scale });
        setSize({ w: viewport.width, h: viewport.height, scale });
        const canvas = canvasRef.current!;
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${viewport.width}px`;
        canvas.style.height = `${viewport.height}px`;
        renderTask = p.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
        await renderTask.promise;
        if (cancelled) return;
        const layer = layerRef.current!;
        layer.replaceChildren();
        const tl = new pdfjs.TextLayer({ textContentSource: await p.getTextContent(), container: layer, viewport });
        textLayer = tl;
        await tl.render();
        if (cancelled) return;
        let found: boolean | null = null;
        if (passage) {
          const spans = tl.textDivs;
          const ranges = passageRanges(tl.textContentItemsStr, passage);
          // A scan has no text layer to match: the boxes OCR stored mark the passage instead.
          const scanned = ranges.length === 0 && ocr ? ocrPassageBoxes(ocr, passage) : [];
          found = ranges.length > 0 || scanned.length > 0;
          setBoxes(
            ranges.length > 0
              ? boxesFor(host.current!, spans, ranges).map((b) => ({ ...b, from: "text" as const }))
              : scanned.map(([x, y, w, h]) => ({ left: x * viewport.width, top: y * viewport.height, width: w * viewport.width, height: h * viewport.height, from: "ocr" as const })),
          );
        }
        setDrawn(true);
        report.current.onRendered?.(found);
      } catch (e) {
        if (!cancelled && (e as { name?: string }).name !== "RenderingCancelledException") report.current.onError?.(e);
      }
    })();
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
    };
  }, [doc, page, width, passage, ocr]);

  return (
    <div
      ref={host}
      className="govdesk-pdf-page"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-page={page}
      data-rendered={drawn ? "true" : "false"}
      style={{
        width: size?.w ?? width,
        height: size?.h ?? Math.round(width * 1.414),
        ["--scale-factor" as string]: size?.scale ?? 1,
        ["--total-scale-factor" as string]: size?.scale ?? 1,
        ["--user-unit" as string]: 1,
      }}
    >
      <canvas ref={canvasRef} aria-hidden="true" />
      <div ref={layerRef} className="textLayer" data-testid={`${testId}-textlayer`} />
      {boxes.map((b, i) => (
        <div key={i} className="govdesk-pdf-highlight" data-testid="citation-highlight" data-from={b.from} style={{ left: b.left, top: b.top, width: b.width, height: b.height }} />
      ))}
    </div>
  );
}

/** Boxes, relative to the page, over the characters of each span range (Range rects follow the spans' transforms). */
function boxesFor(page: HTMLElement, spans: readonly HTMLElement[], ranges: { piece: number; from: number; to: number }[]): Box[] {
  const origin = page.getBoundingClientRect();
  const out: Box[] = [];
  for (const r of ranges) {
    const node = spans[r.piece]?.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const range = document.createRange();
    const len = node.textContent?.length ?? 0;
    range.setStart(node, Math.min(r.from, len));
    range.setEnd(node, Math.min(r.to, len));
    for (const rect of range.getClientRects()) {
      if (rect.width < 0.5 || rect.height < 0.5) continue;
      out.push({ left: rect.left - origin.left, top: rect.top - origin.top, width: rect.width, height: rect.height });
    }
  }
  return out;
}
