/** What the page preview shows: a knowledge-base document, or a file on disk (a summary's source). */
export type PreviewSource = { documentId: number } | { path: string };

/** What the page preview has loaded, tagged with the request it answers. */
export interface Loaded<T> {
  key: string;
  data?: T;
  error?: string;
}

/** One document or file, whatever page: the key of its bytes (the rendered PDF). */
export function sourceKey(s: PreviewSource): string {
  return "documentId" in s ? `doc:${s.documentId}` : `file:${s.path}`;
}

/** One request: a document at a page (the core may clamp the page, so the answer's page is not the key). */
export function previewKey(source: PreviewSource | number, page: number): string {
  return `${typeof source === "number" ? `doc:${source}` : sourceKey(source)}:${page}`;
}

/** The result to show for the current request, or null while it loads: never an earlier page's text or error. */
export function shownFor<T>(loaded: Loaded<T> | null, key: string): Loaded<T> | null {
  return loaded !== null && key !== "" && loaded.key === key ? loaded : null;
}
