import { ListCounters, withFollow, type ListLevel } from "../numbering";
import { attr, child, kids, tagOf, type XNode } from "./xml";

interface Num {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, ListLevel>;
}

function readLevel(lvl: XNode): ListLevel {
  const val = (tag: string): string | undefined => attr(child(lvl, tag), "w:val");
  const level: ListLevel = {
    start: Number(val("w:start") ?? 1) || 0,
    format: val("w:numFmt") ?? "decimal",
    text: val("w:lvlText") ?? "",
  };
  const lgl = child(lvl, "w:isLgl");
  if (lgl && attr(lgl, "w:val") !== "0" && attr(lgl, "w:val") !== "false") level.legal = true;
  const restart = val("w:lvlRestart");
  if (restart !== undefined) level.restartAfter = Number(restart) - 1;
  // A suffix of "nothing" or "space" is rare in 公文; a tab reads as nothing after punctuation.
  if (val("w:suff") === "space") level.text += " ";
  return level;
}

function numPr(pPr: XNode | undefined): { numId?: string; ilvl?: number } | null {
  const np = child(pPr, "w:numPr");
  if (!np) return null;
  const numId = attr(child(np, "w:numId"), "w:val");
  const ilvl = attr(child(np, "w:ilvl"), "w:val");
  return { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl: Number(ilvl) || 0 } : {}) };
}

/**
 * DOCX automatic numbering (numbering.xml): abstract lists, list instances
 * with their overrides, numbering that comes from a paragraph style, and
 * numbering styles (numStyleLink). `label(pPr)` renders and advances.
 */
export class DocxNumbering {
  private readonly abstracts = new Map<string, { levels: ListLevel[]; styleLink?: string }>();
  private readonly nums = new Map<string, Num>();
  private readonly styles = new Map<string, { basedOn?: string; numId?: string; ilvl?: number }>();
  private readonly counters = new ListCounters();
  private readonly started = new Set<string>();

  constructor(numbering: XNode[] | null, styles: XNode[] | null) {
    const root = numbering?.find((n) => tagOf(n) === "w:numbering");
    for (const n of root ? kids(root) : []) {
      if (tagOf(n) === "w:abstractNum") {
        const levels: ListLevel[] = [];
        for (const l of kids(n)) if (tagOf(l) === "w:lvl") levels[Number(attr(l, "w:ilvl") ?? 0)] = readLevel(l);
        const link = attr(child(n, "w:numStyleLink"), "w:val");
        this.abstracts.set(attr(n, "w:abstractNumId") ?? "", { levels, ...(link ? { styleLink: link } : {}) });
      } else if (tagOf(n) === "w:num") {
        const num: Num = { abstractId: attr(child(n, "w:abstractNumId"), "w:val") ?? "", starts: new Map(), levels: new Map() };
        for (const o of kids(n)) {
          if (tagOf(o) !== "w:lvlOverride") continue;
          const ilvl = Number(attr(o, "w:ilvl") ?? 0);
          const so = attr(child(o, "w:startOverride"), "w:val");
          if (so !== undefined) num.starts.set(ilvl, Number(so));
          const lvl = child(o, "w:lvl");
          if (lvl) num.levels.set(ilvl, readLevel(lvl));
        }
        this.nums.set(attr(n, "w:numId") ?? "", num);
      }
    }
    const sroot = styles?.find((n) => tagOf(n) === "w:styles");
    for (const s of sroot ? kids(sroot) : []) {
      if (tagOf(s) !== "w:style") continue;
      const np = numPr(child(s, "w:pPr"));
      const basedOn = attr(child(s, "w:basedOn"), "w:val");
      this.styles.set(attr(s, "w:styleId") ?? "", {
        ...(basedOn ? { basedOn } : {}),
        ...(np?.numId !== undefined ? { numId: np.numId } : {}),
        ...(np?.ilvl !== undefined ? { ilvl: np.ilvl } : {}),
      });
    }
  }

  /** The style's numbering (numId, ilvl), following basedOn. */
  private styleNum(styleId: string | undefined): { numId?: string; ilvl?: number } {
    const out: { numId?: string; ilvl?: number } = {};
    for (let id = styleId, guard = 0; id && guard < 20; guard++) {
      const s = this.styles.get(id);
      if (!s) break;
      if (out.numId === undefined && s.numId !== undefined) out.numId = s.numId;
      if (out.ilvl === undefined && s.ilvl !== undefined) out.ilvl = s.ilvl;
      id = s.basedOn;
    }
    return out;
  }

  private levelsOf(numId: string): { key: string; levels: ListLevel[]; num: Num } | null {
    const num = this.nums.get(numId);
    if (!num) return null;
    let abs = this.abstracts.get(num.abstractId);
    // A numbering style: the abstract list links to a style whose numId holds the levels.
    for (let guard = 0; abs?.styleLink && guard < 5; guard++) {
      const linked = this.styleNum(abs.styleLink).numId;
      const target = linked ? this.nums.get(linked) : undefined;
      abs = target ? this.abstracts.get(target.abstractId) : undefined;
    }
    if (!abs) return null;
    const levels = abs.levels.map((l, i) => num.levels.get(i) ?? l);
    return { key: num.abstractId, levels, num };
  }

  /** The number text of a paragraph ("一、", "（二）", "3."), or "" when it is not numbered. */
  label(pPr: XNode | undefined): string {
    const direct = numPr(pPr);
    const style = this.styleNum(attr(child(pPr, "w:pStyle"), "w:val"));
    const numId = direct?.numId ?? style.numId;
    if (!numId || numId === "0") return "";
    const ilvl = direct?.ilvl ?? style.ilvl ?? 0;
    const list = this.levelsOf(numId);
    if (!list) return "";
    // A list instance with a start override restarts that level the first time it is used.
    let start: number | undefined;
    if (!this.started.has(numId)) {
      this.started.add(numId);
      start = list.num.starts.get(ilvl);
      if (start !== undefined) this.counters.reset(list.key, ilvl);
    }
    return withFollow(this.counters.label(list.key, ilvl, list.levels, start));
  }
}
