/**
 * Chinese sentence splitting for the extractive summariser and for cutting
 * over-long chunks. Rules: a sentence ends at 。！？；… (a run of them, e.g.
 * "……" or "！？"), plus any closing quotes/brackets right after; ASCII . ! ? ;
 * end one only before whitespace and not after a digit (so 3.5 and v1.2 stay
 * whole); nothing splits inside 〔〕【】《》 or “” (〔2024〕, 《关于……的通知》,
 * quoted speech); a line break ends a sentence only where the line looks like
 * a heading, a short line, or the next starts a numbered item (PDF text wraps
 * lines mid-sentence).
 */
export interface SentenceSpan {
  text: string;
  /** Offsets into the input (end exclusive), before trimming of the text. */
  start: number;
  end: number;
}

const TERMINATORS = new Set(["。", "！", "？", "；", "…", "!", "?", ";", "．"]);
const ASCII_TERMINATORS = new Set([".", "!", "?", ";"]);
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "】", "〕", "》", '"', "'"]);
const OPEN_TO_CLOSE: Record<string, string> = { "〔": "〕", "【": "】", "《": "》", "“": "”", "「": "」", "（": "）" };
/** A line starting like this begins a new item: 一、 （一） 1. 1、 第一条 ①. */
const ITEM_START = /^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|第[一二三四五六七八九十百\d]+[条章节款]|[①-⑳])/;
/** Longest run without a terminator before we cut anyway (tables, lists without punctuation). */
const MAX_SENTENCE_CHARS = 400;
/** Unbalanced brackets are forgiven after this many characters. */
const MAX_BRACKET_CHARS = 200;
/** Lines shorter than this that do not end in a comma are taken as whole lines (titles, signatures). */
const SHORT_LINE = 24;

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const stack: { close: string; at: number }[] = [];
  const push = (end: number): void => {
    pushSpan(out, text, start, end);
    start = end;
    stack.length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const top = stack.at(-1);
    if (top && ch === top.close) {
      stack.pop();
      // “……。” ends the sentence at the closing quote.
      if (stack.length === 0 && (ch === "”" || ch === "」") && TERMINATORS.has(text[i - 1]!)) {
        let j = i + 1;
        while (j < text.length && CLOSERS.has(text[j]!)) j++;
        push(j);
        i = j - 1;
      }
      continue;
    }
    if (top && i - top.at > MAX_BRACKET_CHARS) stack.length = 0;
    else if (OPEN_TO_CLOSE[ch]) stack.push({ close: OPEN_TO_CLOSE[ch], at: i });
    if (ch === "\n") {
      if (lineBreakEnds(text, start, i)) push(i + 1);
      continue;
    }
    if (stack.length > 0) continue;
    if (isTerminator(text, i)) {
      let j = i + 1;
      while (j < text.length && (TERMINATORS.has(text[j]!) || text[j] === "." && text[i] === ".")) j++;
      while (j < text.length && CLOSERS.has(text[j]!)) j++;
      push(j);
      i = j - 1;
      continue;
    }
    if (i - start >= MAX_SENTENCE_CHARS) push(cutPoint(text, start, i + 1));
  }
  if (start < text.length) pushSpan(out, text, start, text.length);
  return out;
}

function isTerminator(text: string, i: number): boolean {
  const ch = text[i]!;
  if (TERMINATORS.has(ch) && !ASCII_TERMINATORS.has(ch)) return true;
  if (!ASCII_TERMINATORS.has(ch)) return false;
  const next = text[i + 1];
  const prev = text[i - 1] ?? "";
  if (ch === "." && /\d/.test(prev)) return false;
  return next === undefined || /\s/.test(next) || /[\u3000-\u9fff]/.test(next);
}

/** Does the line break at `nl` end the sentence that began at `start`? */
function lineBreakEnds(text: string, start: number, nl: number): boolean {
  const lineStart = text.lastIndexOf("\n", nl - 1) + 1;
  const line = text.slice(Math.max(lineStart, start), nl).trim();
  if (line === "") return true;
  const nextEnd = text.indexOf("\n", nl + 1);
  const nextLine = text.slice(nl + 1, nextEnd === -1 ? text.length : nextEnd);
  if (nextLine.trim() === "") return true;
  if (ITEM_START.test(nextLine)) return true;
  const last = line.at(-1)!;
  if ("，、,（(“《".includes(last)) return false;
  const fullLine = text.slice(lineStart, nl).trim();
  return fullLine.length < SHORT_LINE;
}

/** Where to cut a run with no terminator: the last comma or space in its second half. */
function cutPoint(text: string, start: number, end: number): number {
  for (let k = end - 1; k > start + (end - start) / 2; k--) if ("，, 、".includes(text[k]!)) return k + 1;
  return end;
}

function pushSpan(out: SentenceSpan[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  // Join wrapped lines: no space between CJK characters, one between Latin words.
  const trimmed = raw
    .replace(/[ \t\u3000]*\n\s*/g, (m: string, off: number) =>
      /[A-Za-z0-9]/.test(raw[off - 1] ?? "") && /[A-Za-z0-9]/.test(raw[off + m.length] ?? "") ? " " : "",
    )
    .trim();
  if (trimmed.length > 0 && /[\p{L}\p{N}]/u.test(trimmed)) out.push({ text: trimmed, start, end });
}
