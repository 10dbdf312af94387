import type { ChatMessage } from "../../../../electron/common/contracts/assistant";

/** One question as shown: its answer versions, and which one is on screen. */
export interface Exchange {
  question: ChatMessage | null;
  answers: ChatMessage[];
  /** Index into answers of the version shown (the selected one, else the newest). */
  shown: number;
}

/**
 * Groups a conversation's messages into exchanges: each question with every
 * answer to it (regenerations are versions: ‹1/2›). An answer without a
 * question (its question deleted by an older app) stands alone.
 */
export function toExchanges(messages: readonly ChatMessage[]): Exchange[] {
  const out: Exchange[] = [];
  const byQuestion = new Map<number, Exchange>();
  for (const m of messages) {
    if (m.role === "user") {
      const ex: Exchange = { question: m, answers: [], shown: 0 };
      byQuestion.set(m.id, ex);
      out.push(ex);
      continue;
    }
    const ex = m.replyTo !== null ? byQuestion.get(m.replyTo) : undefined;
    if (ex) ex.answers.push(m);
    else out.push({ question: null, answers: [m], shown: 0 });
  }
  for (const ex of out) {
    const selected = ex.answers.findLastIndex((a) => a.selected);
    ex.shown = selected >= 0 ? selected : Math.max(0, ex.answers.length - 1);
  }
  return out;
}

/** Characters per second so far, from the first streamed character; null until there is enough to say. */
export function liveSpeed(chars: number, firstAt: number | null, now: number): number | null {
  if (firstAt === null || chars < 2) return null;
  const seconds = (now - firstAt) / 1000;
  return seconds >= 0.3 ? Math.round((chars / seconds) * 10) / 10 : null;
}

export type DateGroup = "pinned" | "today" | "yesterday" | "week" | "month" | "earlier";

/** Where a conversation goes in the list: pinned first, then by the day it was last used. */
export function dateGroup(c: { pinned: boolean; updatedAt: number }, now: Date): DateGroup {
  if (c.pinned) return "pinned";
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  const day = 24 * 3600 * 1000;
  if (c.updatedAt >= startOfToday) return "today";
  if (c.updatedAt >= startOfToday - day) return "yesterday";
  if (c.updatedAt >= startOfToday - 6 * day) return "week";
  if (c.updatedAt >= startOfToday - 29 * day) return "month";
  return "earlier";
}
