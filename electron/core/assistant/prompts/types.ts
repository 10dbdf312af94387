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

/** "第3页", "第3–5页", "第1、4页": how prompts and sources name pages (one definition, shared with the renderer). */
export { locationLabel, pagesLabel } from "../../../common/locate";

/** Titles are context, not content: long ones are cut so they cannot crowd out the text. */
export function shortTitle(title: string, max = 20): string {
  const t = title.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
