import type * as PdfjsModule from "pdfjs-dist";
import type { PDFDocumentProxy } from "pdfjs-dist";
import workerUrl from "pdfjs-dist/build/pdf.worker.min.mjs?url";

type Pdfjs = typeof PdfjsModule;

let pdfjs: Promise<Pdfjs> | null = null;

/**
 * pdfjs, loaded on first use, with its worker and the files it fetches
 * (character maps for CJK fonts, the 14 standard fonts) served from the
 * app's own folder (dist/renderer/pdfjs/, copied there by the build): never
 * the network, and nothing the strict CSP would have to allow.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= import("pdfjs-dist").then((m) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return pdfjs;
}

/** Absolute URL of a folder of the app's own pdfjs files (the worker resolves against its own URL otherwise). */
export function assetFolder(name: "cmaps" | "standard_fonts" | "wasm"): string {
  return new URL(`pdfjs/${name}/`, document.baseURI).href;
}

/** Opens a PDF from its bytes: no eval (strict CSP), no WebAssembly (it would need 'wasm-unsafe-eval'). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const m = await loadPdfjs();
  return m.getDocument({
    data: bytes,
    cMapUrl: assetFolder("cmaps"),
    cMapPacked: true,
    standardFontDataUrl: assetFolder("standard_fonts"),
    wasmUrl: assetFolder("wasm"),
    useWasm: false,
    isEvalSupported: false,
    enableXfa: false,
  }).promise;
}

/** Base64 (kb.fileData) to bytes. */
export function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
