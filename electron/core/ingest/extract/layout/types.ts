/**
 * Positioned text of one page, in a top-left origin with y growing down
 * (PDF points or OFD millimetres: the algorithms only compare sizes).
 */
export interface TextBox {
  /** Left edge. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width of the whole run. */
  w: number;
  /** Font size (the height the run occupies above its baseline). */
  h: number;
  text: string;
}

/** An axis-aligned ruling (table border, form grid line). */
export interface Ruling {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  boxes: TextBox[];
  /** Rulings, when the page was read for them (tables, forms). */
  rulings?: Ruling[];
}

/** Text boxes on one baseline, left to right. */
export interface Line {
  x0: number;
  x1: number;
  y: number;
  /** Typical font size on the line. */
  h: number;
  boxes: TextBox[];
}

export const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2014\u2026\u00b7]/;
export const WORD_CHAR = /[A-Za-z0-9\u00c0-\u024f]/;
