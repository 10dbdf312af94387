import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { RpcError } from "../../../common/rpc/wire";
import { withPageStarts } from "../../ingest/chunk";
import { writeIndexed } from "../../ingest/index-writer";
import { createBase, enqueue, findBase, getDocument } from "../../ingest/kb-repo";
import type { Db } from "../../store/open-store";
import { decodeVector, PackDocument, PackHeader, PackManifest, sha256 } from "./format";

/** Decompressed size limit: a pack is text, so a "zip bomb" is refused, not unpacked. */
const MAX_UNPACKED_BYTES = 4 * 1024 ** 3;

export interface PackInfo {
  header: PackHeader;
  documents: number;
}

export interface InstallResult {
  base: string;
  documents: number;
  packId: string;
  embedModel: string | null;
  /** The pack's vectors come from another embedding model than the one set here. */
  embedModelMismatch: boolean;
}

const bad = (file: string, why: string) => new RpcError("INVALID_INPUT", `知识包 ${file} 无法使用：${why}。请向分发该知识包的部门重新索取。`);

/** Reads a pack's lines in order, failing clearly on what is not a pack. */
async function* lines(file: string): AsyncGenerator<string> {
  let unpacked = 0;
  const gunzip = createGunzip();
  const input = createReadStream(file).on("error", (e) => gunzip.destroy(e)).pipe(gunzip);
  try {
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      unpacked += line.length + 1;
      if (unpacked > MAX_UNPACKED_BYTES) throw bad(file, "解压后超过 4 GB 上限");
      if (line) yield line;
    }
  } catch (e) {
    if (e instanceof RpcError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw code === "ENOENT" ? new RpcError("NOT_FOUND", `找不到知识包文件 ${file}`) : bad(file, "不是有效的知识包（无法解压）");
  }
}

/**
 * First pass: every line's sha256 must match the manifest, in order, and
 * every line must parse. Nothing is written until the whole pack checks out.
 */
export async function verifyPack(file: string): Promise<PackInfo> {
  const hashes: string[] = [];
  let header: PackHeader | null = null;
  let manifest: string[] | null = null;
  let documents = 0;
  for await (const line of lines(file)) {
    if (manifest) throw bad(file, "清单之后还有多余内容");
    const json = parseLine(file, line);
    if (!header) {
      const h = PackHeader.safeParse(json);
      if (!h.success) throw bad(file, "文件头不正确（不是 GovDesk 知识包或版本不受支持）");
      header = h.data;
    } else if ((json as { type?: unknown }).type === "manifest") {
      const m = PackManifest.safeParse(json);
      if (!m.success) throw bad(file, "清单格式不正确");
      manifest = m.data.parts;
      continue;
    } else {
      if (!PackDocument.safeParse(json).success) throw bad(file, `第 ${hashes.length + 1} 部分的文档数据格式不正确`);
      documents++;
    }
    hashes.push(sha256(line));
  }
  if (!header) throw bad(file, "文件为空");
  if (!manifest) throw bad(file, "缺少清单（文件可能不完整）");
  if (manifest.length !== hashes.length) throw bad(file, `清单列出 ${manifest.length} 部分，实际有 ${hashes.length} 部分`);
  const wrong = manifest.findIndex((h, i) => h !== hashes[i]);
  if (wrong >= 0) throw bad(file, `第 ${wrong + 1} 部分的校验值 (sha256) 与清单不符，内容被修改过`);
  if (documents !== header.documents) throw bad(file, `文件头写明 ${header.documents} 个文档，实际有 ${documents} 个`);
  return { header, documents };
}

function parseLine(file: string, line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    throw bad(file, "内容不是有效的 JSON");
  }
}

/**
 * Installs a verified pack as a read-only knowledge base, all of it in one
 * transaction (a crash leaves no half base). `localEmbedModel`: the id of
 * this machine's embedding model, to flag a pack made with another one.
 */
export async function installPack(db: Db, file: string, options: { name?: string; localEmbedModel: string | null }): Promise<InstallResult> {
  const { header } = await verifyPack(file);
  const name = options.name?.trim() || header.base;
  if (findBase(db, name)) throw new RpcError("INVALID_INPUT", `知识库“${name}”已存在。请用 --name 指定另一个名称，或先删除旧的知识库。`);
  if (db.prepare("SELECT 1 FROM kb_bases WHERE pack_id = ?").get(header.packId)) {
    throw new RpcError("INVALID_INPUT", `这个知识包（${header.packId}）已经安装过了。`);
  }
  const docs: PackDocument[] = [];
  for await (const line of lines(file)) {
    const parsed = PackDocument.safeParse(JSON.parse(line));
    if (parsed.success) docs.push(parsed.data);
  }
  const mismatch = header.embedModel !== null && options.localEmbedModel !== null && header.embedModel !== options.localEmbedModel;
  db.transaction(() => {
    const base = createBase(db, name);
    db.prepare("UPDATE kb_bases SET read_only = 1, pack_id = ?, embed_model = ?, needs_reembed = ? WHERE id = ?").run(
      header.packId, header.embedModel, mismatch ? 1 : 0, base.id,
    );
    for (const d of docs) {
      enqueue(db, base.id, d.path);
      const row = getDocument(db, base.id, d.path)!;
      const vectors = header.embedModel && d.vectors?.length === d.chunks.length ? d.vectors.map(decodeVector) : undefined;
      writeIndexed(db, row, { size: d.size, mtime: d.mtime, sha256: d.sha256 }, {
        doc: { format: d.format, title: d.title, pages: d.pages, meta: d.meta, warnings: d.warnings, paged: d.paged ?? true },
        chunks: d.chunks.map(withPageStarts),
        extractorVersion: d.extractorVersion ?? 1,
        ...(vectors && header.embedModel ? { vectors, modelId: header.embedModel } : {}),
      });
    }
  })();
  return { base: name, documents: docs.length, packId: header.packId, embedModel: header.embedModel, embedModelMismatch: mismatch };
}
