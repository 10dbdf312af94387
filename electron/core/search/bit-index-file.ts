import { closeSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { crc32 } from "node:zlib";
import { BitIndex } from "./bit-index";

/**
 * A BitIndex on disk, beside the database (kb-vectors-<dim>.idx), so a new
 * process answers its first vector query after one sequential read of the
 * file instead of a scan of every vector in SQLite (5 s at a million).
 * The header ties it to one database (its id in kb_vec_state) and to the
 * position in the vector log (kb_vec_log) it reflects; a CRC covers the
 * rows. Anything that does not match is ignored and the index rebuilt.
 *
 *   header 64 bytes: magic "GDVX", format, dim, stride, rows, log seq (f64), db id (16 bytes hex-decoded), crc32
 *   ids f64 × rows | contents i32 × rows | bits stride × rows
 */
const MAGIC = 0x58564447;
const FORMAT = 1;
const HEADER = 64;

export interface FileCheck {
  dbId: string;
  /** Entries up to here were trimmed from the log: a file older than that cannot be brought up to date. */
  trimmed: number;
  /** The log's last sequence number: a file beyond it belongs to another copy of the database. */
  last: number;
}

function header(ix: BitIndex, dbId: string, crc: number): Buffer {
  const h = Buffer.alloc(HEADER);
  h.writeUInt32LE(MAGIC, 0);
  h.writeUInt32LE(FORMAT, 4);
  h.writeUInt32LE(ix.dim, 8);
  h.writeUInt32LE(ix.stride, 12);
  h.writeUInt32LE(ix.size, 16);
  h.writeDoubleLE(ix.seq, 24);
  Buffer.from(dbId, "hex").copy(h, 32, 0, 16);
  h.writeUInt32LE(crc >>> 0, 48);
  return h;
}

/** Writes the index to `path` atomically (temporary file, then rename). */
export function writeIndexFile(path: string, ix: BitIndex, dbId: string): void {
  const { ids, contents, bits } = ix.rows();
  const parts = [new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength), new Uint8Array(contents.buffer, contents.byteOffset, contents.byteLength), bits];
  let crc = 0;
  for (const p of parts) crc = crc32(p, crc);
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  try {
    writeSync(fd, header(ix, dbId, crc));
    for (const p of parts) {
      for (let off = 0; off < p.byteLength; ) off += writeSync(fd, p, off, Math.min(p.byteLength - off, 1 << 26));
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

function readFully(fd: number, into: Uint8Array, position: number): void {
  for (let off = 0; off < into.byteLength; ) {
    const got = readSync(fd, into, off, Math.min(into.byteLength - off, 1 << 26), position + off);
    if (got <= 0) throw new Error("short read");
    off += got;
  }
}

/** The index stored at `path` when it is intact and belongs to this database and log; null otherwise. */
export function readIndexFile(path: string, dim: number, check: FileCheck): BitIndex | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const h = Buffer.alloc(HEADER);
    readFully(fd, h, 0);
    const rows = h.readUInt32LE(16);
    const stride = h.readUInt32LE(12);
    const seq = h.readDoubleLE(24);
    const ok =
      h.readUInt32LE(0) === MAGIC &&
      h.readUInt32LE(4) === FORMAT &&
      h.readUInt32LE(8) === dim &&
      h.subarray(32, 48).toString("hex") === check.dbId &&
      seq >= check.trimmed &&
      seq <= check.last &&
      statSync(path).size === HEADER + rows * (12 + stride);
    if (!ok) return null;
    const ix = new BitIndex(dim, rows);
    if (ix.stride !== stride) return null;
    let crc = 0;
    ix.fill(rows, (ids, contents, bits) => {
      const idBytes = new Uint8Array(ids.buffer, ids.byteOffset, ids.byteLength);
      const contentBytes = new Uint8Array(contents.buffer, contents.byteOffset, contents.byteLength);
      readFully(fd, idBytes, HEADER);
      readFully(fd, contentBytes, HEADER + rows * 8);
      readFully(fd, bits, HEADER + rows * 12);
      for (const p of [idBytes, contentBytes, bits]) crc = crc32(p, crc);
    });
    if (crc >>> 0 !== h.readUInt32LE(48)) return null;
    ix.seq = seq;
    return ix;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

export function removeIndexFile(path: string): void {
  rmSync(path, { force: true });
}
