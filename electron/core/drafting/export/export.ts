import { writeFile } from "node:fs/promises";
import type { DraftExportResult, DraftSpec } from "../../../common/contracts/drafting";
import { RpcError } from "../../../common/rpc/wire";
import { safeName } from "../../assistant/export/export";
import { assertExportAllowed, audit } from "../../security/services";
import type { CoreServices } from "../../services";
import { checkDraft } from "../check/check";
import { resolveDocument } from "../document";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A draft laid out per GB/T 9704-2012 as DOCX, with the check's findings; written to `path` when given. */
export async function exportDraft(s: CoreServices, spec: DraftSpec, path?: string): Promise<DraftExportResult> {
  assertExportAllowed(s);
  const doc = resolveDocument(spec);
  // The docx library (0.36 MB, half the core's code) loads on the first export, not when the core opens.
  const { buildDocx } = await import("./build");
  const built = await buildDocx(doc);
  const findings = checkDraft(spec).findings;
  if (path) {
    try {
      await writeFile(path, built.bytes);
    } catch (e) {
      throw new RpcError("INVALID_INPUT", `无法写入“${path}”：请检查目录是否存在、是否有写权限。`, String(e));
    }
  }
  const fileName = `${safeName(doc.title || doc.mark)}.docx`;
  audit(s, { type: "export", object: path ?? fileName, detail: { kind: "draft", docKind: spec.kind, pages: built.pages } });
  return { fileName, mimeType: DOCX_MIME, base64: built.bytes.toString("base64"), path: path ?? null, pages: built.pages, findings };
}
