import { copyFile, mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { RpcError } from "../../common/rpc/wire";
import type { ModelRecord } from "../../common/contracts/models";
import { catalogMatch, loadCatalog } from "./catalog";
import { inspectGguf } from "./gguf-inspect";
import { sha256File } from "./model-id";
import type { ModelsRepo } from "./models-repo";

export interface ImportOptions {
  path: string;
  inPlace: boolean;
  /** Expected sha256 (from IT); a mismatch refuses the file. */
  sha256?: string | undefined;
  signal: AbortSignal;
  progress: (done: number, total: number, stage: string) => void;
  /** The admin policy's allow-list check; throws when the sha256 is not allowed. */
  assertAllowed?: (sha256: string) => void;
}

/**
 * Imports a GGUF: header check (pure TS), sha256 with progress, check against
 * the expected hash and the catalog, then copy into the data dir's models/
 * (via a temp name, so a cancelled copy leaves nothing) or register in place.
 */
export async function importModel(repo: ModelsRepo, dataDir: string, o: ImportOptions): Promise<ModelRecord> {
  const summary = await inspectGguf(o.path, o.signal);
  const sha = await hashWithProgress(o.path, o.signal, (d, t) => o.progress(d, t, "hashing"));
  const expected = o.sha256?.toLowerCase();
  if (expected && expected !== sha) {
    throw new RpcError("INVALID_INPUT", `sha256 不符：文件可能已损坏或被替换（期望 ${expected.slice(0, 12)}…，实际 ${sha.slice(0, 12)}…）`);
  }
  o.assertAllowed?.(sha);
  const catalog = catalogMatch(await loadCatalog(), summary.fileName, sha);
  if (catalog?.mismatch) {
    throw new RpcError("INVALID_INPUT", `sha256 与模型目录中「${catalog.entry.name}」的记录不符：请向信息中心核实文件来源`);
  }
  let path = summary.path; // absolute
  if (!o.inPlace) {
    const dir = join(dataDir, "models");
    await mkdir(dir, { recursive: true });
    path = join(dir, `${sha.slice(0, 16)}-${summary.fileName}`);
    const tmp = `${path}.part`;
    o.progress(0, summary.sizeBytes, "copying");
    try {
      await copyFile(o.path, tmp);
      if (o.signal.aborted) throw new RpcError("CANCELLED", "已取消");
      await rename(tmp, path);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    o.progress(summary.sizeBytes, summary.sizeBytes, "copying");
  }
  const record: ModelRecord = {
    ...summary,
    path,
    id: sha,
    inPlace: o.inPlace,
    importedAt: new Date().toISOString(),
    catalogId: catalog && !catalog.mismatch ? catalog.entry.id : null,
  };
  repo.put(record);
  return record;
}

export async function hashWithProgress(path: string, signal: AbortSignal, progress: (done: number, total: number) => void): Promise<string> {
  try {
    return await sha256File(path, progress, signal);
  } catch (e) {
    if (signal.aborted) throw new RpcError("CANCELLED", "已取消");
    throw e;
  }
}
