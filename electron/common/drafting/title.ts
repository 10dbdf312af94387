/**
 * 标题: composed from 发文机关 + 关于 + 事由 + 的 + 文种 (条例 art. 9), and
 * broken into lines the way GB/T 9704-2012 §7.3.1 asks: words kept whole,
 * lines balanced, a 梯形 (upper lines not longer than lower ones). Pure.
 */

/** "XX市人民政府" + "加强采购管理" + "通知" → "XX市人民政府关于加强采购管理的通知". */
export function composeTitle(issuer: string, subject: string, kindLabel: string): string {
  const s = subject.trim().replace(/^关于/, "").replace(/的$/, "");
  if (!s) return "";
  return `${issuer.trim()}关于${s}的${kindLabel}`;
}

/** Width in full-width characters: ASCII letters and digits count half. */
export function textWidth(s: string): number {
  let w = 0;
  for (const c of s) w += /[\x20-\x7e]/.test(c) ? 0.5 : 1;
  return w;
}

const NO_LINE_START = /^[、，。：；！？）》〉”’」』〕】…—·]/;
const NO_LINE_END = /[（《〈“‘「『〔【]$/;

/** Places a line may break: between words, never inside 《…》 or “…”, never before closing punctuation. */
function breakPoints(title: string): number[] {
  const seg = new Intl.Segmenter("zh", { granularity: "word" });
  const points: number[] = [];
  let depth = 0;
  let pos = 0;
  for (const s of seg.segment(title)) {
    for (const c of s.segment) {
      if ("《“（".includes(c)) depth++;
      else if ("》”）".includes(c)) depth = Math.max(0, depth - 1);
    }
    pos = s.index + s.segment.length;
    if (pos >= title.length) break;
    const rest = title.slice(pos);
    if (depth === 0 && !NO_LINE_START.test(rest) && !NO_LINE_END.test(title.slice(0, pos)) && !/^[的和与及]/.test(rest)) points.push(pos);
  }
  return points;
}

/**
 * Lines of a title at most `maxWidth` characters wide. A newline in the
 * title is the user's own break and is kept.
 */
export function splitTitle(title: string, maxWidth = 20): string[] {
  const parts = title.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (parts.length > 1) return parts.flatMap((p) => splitTitle(p, maxWidth));
  const t = parts[0] ?? "";
  const total = textWidth(t);
  if (total <= maxWidth) return t ? [t] : [];
  const points = [0, ...breakPoints(t), t.length];
  const fewest = Math.ceil(total / maxWidth);
  for (let lines = fewest; lines <= fewest + 3; lines++) {
    const split = bestSplit(t, points, lines, total / lines, maxWidth);
    if (split) return split;
  }
  // No word boundary works (a very long name): cut by width.
  const out: string[] = [];
  let line = "";
  for (const c of t) {
    if (textWidth(line + c) > maxWidth) {
      out.push(line);
      line = "";
    }
    line += c;
  }
  if (line) out.push(line);
  return out;
}

/**
 * The split of `t` at `points` into exactly `lines` lines (each at most
 * maxWidth) closest to `target` characters a line, an upper line longer
 * than the one below it costing extra (梯形); null if none fits.
 */
function bestSplit(t: string, points: number[], lines: number, target: number, maxWidth: number): string[] | null {
  // best[k][j]: cheapest split of t[0, points[j]) into k lines; from[k][j]: where its last line starts.
  const best: number[][] = Array.from({ length: lines + 1 }, () => points.map(() => Infinity));
  const from: number[][] = Array.from({ length: lines + 1 }, () => points.map(() => -1));
  best[0]![0] = 0;
  const width = (i: number, j: number) => textWidth(t.slice(points[i], points[j]));
  for (let k = 1; k <= lines; k++) {
    for (let j = 1; j < points.length; j++) {
      for (let i = 0; i < j; i++) {
        if (best[k - 1]![i] === Infinity) continue;
        const w = width(i, j);
        if (w > maxWidth) continue;
        let cost = best[k - 1]![i]! + (w - target) ** 2;
        const above = from[k - 1]![i]!;
        if (k > 1 && above >= 0 && width(above, i) > w + 1) cost += 4;
        if (cost < best[k]![j]!) {
          best[k]![j] = cost;
          from[k]![j] = i;
        }
      }
    }
  }
  let j = points.length - 1;
  if (best[lines]![j] === Infinity) return null;
  const out: string[] = [];
  for (let k = lines; k > 0; k--) {
    const i = from[k]![j]!;
    out.unshift(t.slice(points[i], points[j]));
    j = i;
  }
  return out;
}
