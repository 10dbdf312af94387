import yauzl from "yauzl";
import { extractError } from "./limits";

/** A zip opened for reading selected entries, with a cap on the total uncompressed bytes (zip bombs). */
export interface ZipReader {
  names(): string[];
  has(name: string): boolean;
  read(name: string): Promise<Buffer>;
  close(): void;
}

export async function openZip(path: string, maxUnzippedBytes: number): Promise<ZipReader> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, z) =>
      err || !z ? reject(extractError(`文件不是有效的压缩包（可能已损坏）：${path}`, String(err))) : resolve(z),
    ),
  );
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (e: yauzl.Entry) => {
      entries.set(e.fileName.replace(/^\/+/, ""), e);
      zip.readEntry();
    });
    zip.on("end", () => resolve());
    zip.on("error", (err: unknown) => reject(extractError(`压缩包目录已损坏：${path}`, String(err))));
    zip.readEntry();
  });
  let budget = maxUnzippedBytes;
  const lower = new Map([...entries.keys()].map((k) => [k.toLowerCase(), k]));
  const find = (name: string): yauzl.Entry | undefined => {
    const n = name.replace(/^\/+/, "");
    return entries.get(n) ?? entries.get(lower.get(n.toLowerCase()) ?? "");
  };
  return {
    names: () => [...entries.keys()],
    has: (name) => find(name) !== undefined,
    close: () => zip.close(),
    read: (name) => {
      const entry = find(name);
      if (!entry) return Promise.reject(extractError(`压缩包中缺少 ${name}：${path}`));
      if (entry.uncompressedSize > budget) {
        return Promise.reject(extractError(`解压后内容过大（可能是压缩炸弹），已拒绝：${path}`));
      }
      return new Promise<Buffer>((resolve, reject) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(extractError(`无法解压 ${name}：${path}`, String(err)));
          const parts: Buffer[] = [];
          stream.on("data", (b: Buffer) => {
            budget -= b.length;
            if (budget < 0) {
              stream.destroy();
              reject(extractError(`解压后内容过大（可能是压缩炸弹），已拒绝：${path}`));
            } else parts.push(b);
          });
          stream.on("end", () => resolve(Buffer.concat(parts)));
          stream.on("error", (e: unknown) => reject(extractError(`解压 ${name} 失败：${path}`, String(e))));
        });
      });
    },
  };
}
