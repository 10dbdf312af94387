import type { DraftCitation, DraftSpec } from "../../../common/contracts/drafting";
import { bestPassage } from "../../assistant/rag/sources";
import { searchKnowledgeBase } from "../../search/hybrid";
import type { CoreServices } from "../../services";

/**
 * 依据 for a model draft: the knowledge-base passages that match the draft's
 * 事由 and 要点, each with the document's 发文字号 when the index knows it,
 * so the text can cite them the way 公文 do and every citation leads back
 * to a page.
 */
export interface DraftSource extends DraftCitation {
  /** The chunk's text (what the model reads). */
  text: string;
}

export async function findSources(s: CoreServices, kb: string, spec: DraftSpec, k = 5): Promise<DraftSource[]> {
  const query = [spec.title, spec.subject, spec.points].filter(Boolean).join(" ").slice(0, 300);
  if (!query.trim()) return [];
  const hits = await searchKnowledgeBase(s, kb, query, { k });
  const numberOf = s.store.db.prepare("SELECT c.doc_number AS docNumber FROM kb_documents d JOIN kb_contents c ON c.id = d.content_id WHERE d.id = ?");
  return hits.map((h, i) => ({
    n: i + 1,
    documentId: h.documentId,
    chunkId: h.chunkId,
    path: h.path,
    title: h.title,
    docNumber: (numberOf.get(h.documentId) as { docNumber: string | null } | undefined)?.docNumber ?? null,
    page: h.page,
    snippet: bestPassage(h.text, query),
    text: h.text,
  }));
}

/** A document's name as a 公文 cites it: the title without 书名号 or a trailing file extension. */
export function citedName(title: string): string {
  return title.replace(/[《》]/g, "").replace(/\.(pdf|docx?|ofd|txt|wps)$/i, "").trim();
}

/** "根据《A》（X〔2015〕44号）和《B》，": the 依据 phrase for sources the model chose. */
export function basisPhrase(sources: readonly DraftCitation[]): string {
  if (sources.length === 0) return "";
  const names = sources.map((c) => `《${citedName(c.title)}》${c.docNumber ? `（${c.docNumber}）` : ""}`);
  return `根据${names.length > 1 ? `${names.slice(0, -1).join("、")}和${names.at(-1)}` : names[0]}，`;
}
