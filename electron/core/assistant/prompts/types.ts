/** A prompt rendered for one model call: a system instruction and the user turn. */
export interface RenderedPrompt {
  system: string;
  user: string;
}

/**
 * A versioned prompt. A change of wording is a new file (`name.v2.ts`) so
 * that a saved summary or answer can say which prompt produced it.
 */
export interface PromptTemplate<V> {
  readonly id: string;
  readonly version: number;
  render(vars: V): RenderedPrompt;
}

/** "第3页", "第3–5页", "第1、4页": how prompts and sources name pages. */
export function pagesLabel(pages: readonly number[]): string {
  if (pages.length === 0) return "";
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  if (sorted.length === 1) return `第${first}页`;
  if (last - first === sorted.length - 1) return `第${first}–${last}页`;
  return `第${sorted.join("、")}页`;
}

/** Titles are context, not content: long ones are cut so they cannot crowd out the text. */
export function shortTitle(title: string, max = 20): string {
  const t = title.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
