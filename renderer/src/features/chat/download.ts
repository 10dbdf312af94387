import type { ExportResult } from "../../../../electron/common/contracts/assistant";

/** Saves an exported file through the browser's download (works in Electron and under serve). */
export function downloadExport(r: ExportResult): void {
  const bytes = Uint8Array.from(atob(r.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: r.mimeType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = r.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
