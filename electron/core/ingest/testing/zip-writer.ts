import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import { writeFile } from "node:fs/promises";

export interface ZipEntry {
  name: string;
  data?: Buffer | string;
  /** A run of this many zero bytes, deflated as a stream (zip-bomb fixtures). */
  zeros?: number;
}

async function deflateZeros(n: number): Promise<{ out: Buffer; crc: number }> {
  const d = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  d.on("data", (b: Buffer) => parts.push(b));
  const block = Buffer.alloc(1 << 20);
  let crc = 0;
  for (let left = n; left > 0; left -= block.length) {
    const b = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(b, crc);
    if (!d.write(b)) await new Promise((r) => d.once("drain", r));
  }
  await new Promise<void>((r) => d.end(r));
  return { out: Buffer.concat(parts), crc };
}

/** A minimal deflate zip writer for test fixtures (DOCX/OFD made by hand). */
export async function writeZip(path: string, entries: ZipEntry[]): Promise<void> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    let body: Buffer;
    let crc: number;
    let size: number;
    if (e.zeros !== undefined) {
      ({ out: body, crc } = await deflateZeros(e.zeros));
      size = e.zeros;
    } else {
      const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? "", "utf8");
      body = deflateRawSync(raw);
      crc = crc32(raw);
      size = raw.length;
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc >>> 0, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(cd, name);
    offset += local.length + name.length + body.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(path, Buffer.concat([...locals, cdBuf, end]));
}
