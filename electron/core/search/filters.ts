import type { SearchFilters } from "./types";

/** SQL conditions over kb_contents `ct` (and documents of the base) for the search filters. */
export function filterSql(filters: SearchFilters | undefined): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters?.format?.length) {
    where.push(`ct.format IN (${filters.format.map(() => "?").join(",")})`);
    params.push(...filters.format);
  }
  if (filters?.issuer) {
    where.push("ct.issuer LIKE ?");
    params.push(`%${filters.issuer}%`);
  }
  if (filters?.docNumber) {
    where.push("ct.doc_number LIKE ?");
    params.push(`%${filters.docNumber}%`);
  }
  if (filters?.dateFrom) {
    where.push("ct.doc_date >= ?");
    params.push(filters.dateFrom);
  }
  if (filters?.dateTo) {
    where.push("ct.doc_date <= ?");
    params.push(filters.dateTo);
  }
  return { where: where.length ? ` AND ${where.join(" AND ")}` : "", params };
}

/**
 * Chunks whose content is a ready document of the base. The unary `+`
 * keeps the planner on the content_id index: with the (kb_id, status) index
 * it scanned every document of the base for each candidate chunk.
 */
export const IN_BASE = `EXISTS (SELECT 1 FROM kb_documents d WHERE d.content_id = c.content_id AND +d.kb_id = ? AND +d.status IN ('ready','needs_ocr'))`;
