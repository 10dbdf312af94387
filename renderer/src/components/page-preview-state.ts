/** What the page preview has loaded, tagged with the request it answers. */
export interface Loaded<T> {
  key: string;
  data?: T;
  error?: string;
}

/** One request: a document at a page (the core may clamp the page, so the answer's page is not the key). */
export function previewKey(documentId: number, page: number): string {
  return `${documentId}:${page}`;
}

/** The result to show for the current request, or null while it loads: never an earlier page's text or error. */
export function shownFor<T>(loaded: Loaded<T> | null, key: string): Loaded<T> | null {
  return loaded !== null && key !== "" && loaded.key === key ? loaded : null;
}
