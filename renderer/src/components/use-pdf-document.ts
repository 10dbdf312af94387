import type { PDFDocumentProxy } from "pdfjs-dist";
import { useEffect, useState } from "react";
import { api, errorText } from "../api";
import { sourceKey, type PreviewSource } from "./page-preview-state";
import { fromBase64, openPdf } from "./pdf/pdf-loader";

export type PdfState = { key: string; doc: PDFDocumentProxy } | { key: string; error: string } | null;

/**
 * The PDF of a preview, opened once per document (paging does not fetch it
 * again): its bytes from the core (kb.fileData), drawn by pdfjs here. An
 * error (the file moved, too large, not a PDF pdfjs can read) is kept so the
 * preview falls back to the text the index holds.
 */
export function usePdfDocument(source: PreviewSource | null, isPdf: boolean, failedText: string): PdfState {
  const [state, setState] = useState<PdfState>(null);
  const key = source ? sourceKey(source) : "";
  useEffect(() => {
    if (!source || !isPdf) return;
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        const data = await api.call("kb.fileData", source);
        opened = await openPdf(fromBase64(data.base64));
        if (live) setState({ key, doc: opened });
        else void opened.destroy();
      } catch (e) {
        if (live) setState({ key, error: errorText(e, failedText) });
      }
    })();
    return () => {
      live = false;
      void opened?.destroy();
    };
    // The source object may be rebuilt with the same document: its key decides.
  }, [key, isPdf, failedText]);
  return state && state.key === key ? state : null;
}
