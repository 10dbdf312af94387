import { readFile, truncate, writeFile } from "node:fs/promises";
import { ensureTestModel } from "../../../../scripts/test-model/ensure";
import { readGgufHeader } from "../gguf-header";

/**
 * Test-only: hostile variants of the tiny test model, made by editing its
 * real bytes (so everything but the edited field stays valid). Never
 * imported by product code.
 */

/** Where a tensor's info lies in the header: its dimensions, type and data offset. */
export function tensorInfoAt(bytes: Buffer, name: string): { dims: number[]; dimsAt: number; typeAt: number; offsetAt: number } {
  const label = Buffer.concat([Buffer.alloc(8), Buffer.from(name, "utf8")]);
  label.writeBigUInt64LE(BigInt(name.length), 0);
  const at = bytes.lastIndexOf(label);
  if (at < 0) throw new Error(`no tensor ${name}`);
  const nDimsAt = at + label.length;
  const n = bytes.readUInt32LE(nDimsAt);
  const dims = Array.from({ length: n }, (_, i) => Number(bytes.readBigUInt64LE(nDimsAt + 4 + 8 * i)));
  const typeAt = nDimsAt + 4 + 8 * n;
  return { dims, dimsAt: nDimsAt + 4, typeAt, offsetAt: typeAt + 4 };
}

export async function testModelBytes(): Promise<Buffer> {
  return readFile(await ensureTestModel());
}

/**
 * A valid GGUF whose last tensor declares about `extraBytes` more data, the
 * file extended (sparsely) to hold exactly that: it passes every check, and
 * hashing it takes as long as reading that much. Returns the file's size.
 */
export async function writeLargeModel(path: string, extraBytes: number): Promise<number> {
  const source = await ensureTestModel();
  const bytes = Buffer.from(await readFile(source));
  const header = await readGgufHeader(source, bytes.length);
  const last = header.tensors.reduce((a, b) => (b.fileOffset > a.fileOffset ? b : a));
  const t = tensorInfoAt(bytes, last.name);
  const inner = t.dims[0]!;
  const outer = t.dims.slice(1).reduce((a, b) => a * b, 1) + Math.ceil(extraBytes / 4 / inner);
  if (t.dims.length < 2) throw new Error(`${last.name} has one dimension`);
  bytes.writeBigUInt64LE(BigInt(outer), t.dimsAt + 8);
  for (let i = 2; i < t.dims.length; i++) bytes.writeBigUInt64LE(1n, t.dimsAt + 8 * i);
  await writeFile(path, bytes);
  const size = Math.ceil((last.fileOffset + inner * outer * 4) / 32) * 32;
  await truncate(path, size);
  return size;
}
