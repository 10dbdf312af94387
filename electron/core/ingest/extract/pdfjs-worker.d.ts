// pdfjs-dist ships no types for its worker half; we only hand the module back to pdfjs (globalThis.pdfjsWorker).
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
