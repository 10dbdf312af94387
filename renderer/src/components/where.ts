import type { TFunction } from "i18next";

/** Where a hit or citation is: its page(s), or its paragraphs in a document without fixed pages. */
export interface Where {
  page: number;
  pages?: readonly number[];
  paged?: boolean;
  paragraphs?: readonly number[];
}

export function whereText(t: TFunction, w: Where): string {
  const [a, b] = w.paragraphs ?? [];
  if (w.paged === false && a) return b && b !== a ? t("pagePreview.where.paragraphs", { from: a, to: b }) : t("pagePreview.where.paragraph", { from: a });
  const pages = [...new Set(w.pages?.length ? w.pages : [w.page])].sort((x, y) => x - y);
  if (pages.length > 1) return t("pagePreview.where.pages", { from: pages[0], to: pages[pages.length - 1] });
  return t("pagePreview.where.page", { page: pages[0] ?? w.page });
}
