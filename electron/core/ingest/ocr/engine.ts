import type { Canvas } from "@napi-rs/canvas";
import { detectText, DETECT_DEFAULTS, type DetectOptions, type TextRegion } from "./detect";
import { layoutLines, type OcrLine } from "./layout";
import { defaultModelFiles, loadSessions, type OcrModelFiles, type OcrSessions } from "./models";
import { boundsOf, canvasOf, cropLine, type QuarterTurn, type Raster, type RotatedRect } from "./raster";
import { chinesePunctuation } from "./punctuation";
import { recognise, REC_HEIGHT, REC_MAX_WIDTH } from "./recognize";
import { suppressSeals } from "./seals";

/** One page read by OCR. Boxes are in the upright page's pixels (the image turned by `rotation`). */
export interface OcrPage {
  text: string;
  lines: OcrLine[];
  /** Mean character confidence, 0–1 (0 when nothing was read). */
  confidence: number;
  /** Clockwise turn that made the page upright. */
  rotation: QuarterTurn;
  /** Size of the upright page image, pixels. */
  width: number;
  height: number;
}

export interface OcrOptions {
  signal?: AbortSignal;
  detect?: Partial<DetectOptions>;
}

/** Lines read with less confidence than this are dropped (seals, rules, speckle). */
const MIN_LINE_CONFIDENCE = 0.5;
const SAMPLES = 6;

function norm(a: number): number {
  const t = a % (2 * Math.PI);
  return t > Math.PI ? t - 2 * Math.PI : t <= -Math.PI ? t + 2 * Math.PI : t;
}

function aspect(r: RotatedRect): number {
  return r.w / Math.max(1, r.h);
}

/** Regions mostly inside a larger one (DB sometimes finds a line and a piece of it) are dropped. */
function dropNested(regions: TextRegion[]): TextRegion[] {
  const boxes = regions.map(boundsOf);
  const area = (i: number): number => boxes[i]!.w * boxes[i]!.h;
  return regions.filter((_, i) => {
    const a = boxes[i]!;
    return !boxes.some((b, j) => {
      if (j === i || area(j) < area(i) || (area(j) === area(i) && j > i)) return false;
      const ix = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const iy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      return ix > 0 && iy > 0 && (ix * iy) / area(i) > 0.7;
    });
  });
}

/** Centre of a point of the page after turning the page clockwise by `turn`. */
function turnPoint(x: number, y: number, W: number, H: number, turn: QuarterTurn): [number, number] {
  if (turn === 90) return [H - y, x];
  if (turn === 180) return [W - x, H - y];
  if (turn === 270) return [y, W - x];
  return [x, y];
}

/**
 * PaddleOCR PP-OCRv4 (detection + recognition) on ONNX Runtime. One engine
 * per worker thread: the model sessions load once (~1 s) and are reused for
 * every page. Orientation is found per page by reading a few long lines in
 * both directions; skew within ±15° is absorbed by turned line crops.
 */
export class OcrEngine {
  private constructor(private readonly s: OcrSessions) {}

  static async create(opts: { threads?: number; files?: OcrModelFiles } = {}): Promise<OcrEngine> {
    return new OcrEngine(await loadSessions(opts.files ?? (await defaultModelFiles()), opts.threads ?? 1));
  }

  async release(): Promise<void> {
    await Promise.all([this.s.det.release(), this.s.rec.release()]);
  }

  async readPage(scan: Raster, opts: OcrOptions = {}): Promise<OcrPage> {
    const page = suppressSeals(scan);
    const regions = dropNested(await detectText(this.s.det, page, { ...DETECT_DEFAULTS, ...opts.detect }));
    const source = canvasOf(page);
    const flip = await this.orientation(source, regions, opts.signal);
    const turn = ((((Math.round((-(flip.axis + flip.reverse) * 2) / Math.PI) % 4) + 4) % 4) * 90) as QuarterTurn;
    // Read each line in the direction the page reads: its own axis, reversed when the page is upside down.
    const crops = regions.map((r) => {
      const along = Math.abs(norm(r.angle - flip.axis)) < Math.PI / 4 || Math.abs(norm(r.angle - flip.axis - Math.PI)) < Math.PI / 4;
      const rect = along ? r : { ...r, w: r.h, h: r.w, angle: r.angle + Math.PI / 2 };
      return { region: r, rect: { ...rect, angle: flip.axis + flip.reverse + norm(rect.angle - flip.axis) } };
    });
    const read = await recognise(this.s.rec, this.s.charset, crops.map((c) => cropLine(source, c.rect, REC_HEIGHT, REC_MAX_WIDTH)), opts.signal);
    const W = turn === 90 || turn === 270 ? page.height : page.width;
    const H = turn === 90 || turn === 270 ? page.width : page.height;
    const lines: OcrLine[] = [];
    crops.forEach((c, i) => {
      const r = read[i]!;
      const text = chinesePunctuation(r.text.trim());
      if (!text || r.confidence < MIN_LINE_CONFIDENCE) return;
      const [cx, cy] = turnPoint(c.rect.cx, c.rect.cy, page.width, page.height, turn);
      const skew = norm(c.rect.angle + (turn * Math.PI) / 180);
      const bw = c.rect.w * Math.abs(Math.cos(skew)) + c.rect.h * Math.abs(Math.sin(skew));
      const bh = c.rect.w * Math.abs(Math.sin(skew)) + c.rect.h * Math.abs(Math.cos(skew));
      lines.push({ text, confidence: r.confidence, box: { x: cx - bw / 2, y: cy - bh / 2, w: bw, h: bh } });
    });
    const ordered = layoutLines(lines);
    const chars = ordered.lines.reduce((n, l) => n + l.text.length, 0);
    const confidence = chars ? ordered.lines.reduce((s, l) => s + l.confidence * l.text.length, 0) / chars : 0;
    return { text: ordered.text, lines: ordered.lines, confidence, rotation: turn, width: W, height: H };
  }

  /**
   * Which way the page reads: the axis most long regions lie along (0 = rows,
   * π/2 = columns of a page turned a quarter), and whether reading along it
   * backwards (upside down) gives more confident text on a few sample lines.
   */
  private async orientation(source: Canvas, regions: TextRegion[], signal?: AbortSignal): Promise<{ axis: number; reverse: number }> {
    const long = regions.filter((r) => aspect(r) >= 2);
    let rows = 0;
    let cols = 0;
    for (const r of long) {
      if (Math.abs(norm(r.angle)) < Math.PI / 4) rows += r.w;
      else cols += r.w;
    }
    const axis = cols > rows ? Math.PI / 2 : 0;
    const samples = long
      .filter((r) => (Math.abs(norm(r.angle - axis)) < Math.PI / 4))
      .sort((a, b) => b.w - a.w)
      .slice(0, SAMPLES);
    if (!samples.length) return { axis, reverse: 0 };
    const crop = (r: RotatedRect, flipped: boolean): Raster => cropLine(source, { ...r, angle: axis + norm(r.angle - axis) + (flipped ? Math.PI : 0) }, REC_HEIGHT, REC_MAX_WIDTH);
    const both = await recognise(this.s.rec, this.s.charset, [...samples.map((r) => crop(r, false)), ...samples.map((r) => crop(r, true))], signal);
    const score = (from: number): number => both.slice(from, from + samples.length).reduce((s, x) => s + x.confidence * Math.min(x.text.length, 30), 0);
    return { axis, reverse: score(samples.length) > score(0) ? Math.PI : 0 };
  }
}
