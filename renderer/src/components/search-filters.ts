import { DocFormat, type SearchFiltersInput } from "../../../electron/common/contracts/knowledge";

/** Document formats the knowledge base indexes (the extractors' list), offered as a filter. */
export const FILTER_FORMATS = DocFormat.options;

/** The filter controls' form values, as typed by the user. */
export interface FilterValues {
  format?: (typeof DocFormat.options)[number][];
  issuer?: string;
  docNumber?: string;
  dateFrom?: string;
  dateTo?: string;
}

/**
 * A typed date as the index stores 成文日期 (yyyy-mm-dd, compared as text):
 * "2024/5/1", "2024.05.01" and "2024年5月1日" are accepted too. "" for a blank
 * field, null for one that is not a date.
 */
export function normaliseDate(text: string | undefined): string | null {
  const s = (text ?? "").trim();
  if (!s) return "";
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Search filters from the form: blank fields dropped, text trimmed, dates normalised (a bad date is dropped: the form flags it). */
export function toFilters(v: FilterValues): SearchFiltersInput {
  const from = normaliseDate(v.dateFrom);
  const to = normaliseDate(v.dateTo);
  return {
    ...(v.format?.length ? { format: [...v.format] } : {}),
    ...(v.issuer?.trim() ? { issuer: v.issuer.trim() } : {}),
    ...(v.docNumber?.trim() ? { docNumber: v.docNumber.trim() } : {}),
    ...(from ? { dateFrom: from } : {}),
    ...(to ? { dateTo: to } : {}),
  };
}

/** The form values showing these filters. */
export function fromFilters(f: SearchFiltersInput | undefined): FilterValues {
  return { format: f?.format ?? [], issuer: f?.issuer ?? "", docNumber: f?.docNumber ?? "", dateFrom: f?.dateFrom ?? "", dateTo: f?.dateTo ?? "" };
}

/** How many filters are set (a format list counts once). */
export function filterCount(f: SearchFiltersInput | undefined): number {
  if (!f) return 0;
  return [f.format?.length, f.issuer, f.docNumber, f.dateFrom, f.dateTo].filter(Boolean).length;
}

/** Fields whose text is not a date; the chat must not ask with them silently ignored. */
export function badDates(v: FilterValues): ("dateFrom" | "dateTo")[] {
  return (["dateFrom", "dateTo"] as const).filter((k) => normaliseDate(v[k]) === null);
}
