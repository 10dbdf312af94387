import { randomBytes } from "node:crypto";
import { readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { writeGguf } from "../../../scripts/test-model/gguf-writer";
import { describeTinyLlama } from "../../../scripts/test-model/tiny-llama";
import type { RpcError } from "../../common/rpc/wire";
import { rpcRejection } from "../testing/rpc-error";
import { tempDir } from "../testing/temp-dir";
import { inspectGguf } from "./gguf-inspect";
import { tensorInfoAt, writeLargeModel } from "./testing/hostile-gguf";

let model: string;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  model = await ensureTestModel();
  ({ dir, cleanup } = tempDir());
});
afterAll(() => cleanup());

const refusal = (path: string): Promise<RpcError> => rpcRejection(inspectGguf(path));

describe("inspectGguf (pure TypeScript, before anything native)", () => {
  it("reads the test model's metadata", async () => {
    const g = await inspectGguf(model);
    expect(g).toMatchObject({ architecture: "llama", contextLength: 512, embeddingLength: 64, layers: 2, chatTemplate: true, quantization: "F32" });
    expect(g.parameters).toBeGreaterThan(100_000);
    expect(g.sizeBytes).toBe((await readFile(model)).length);
  });

  it("refuses random bytes as not a GGUF", async () => {
    const p = join(dir, "random.gguf");
    await writeFile(p, randomBytes(3000));
    expect((await refusal(p)).message).toMatch(/不是 GGUF 模型文件/);
  });

  it("refuses a GGUF magic and version followed by garbage", async () => {
    const p = join(dir, "magic.gguf");
    const version = Buffer.alloc(4);
    version.writeUInt32LE(3);
    await writeFile(p, Buffer.concat([Buffer.from("GGUF"), version, randomBytes(4000)]));
    expect((await refusal(p)).message).toMatch(/文件头损坏或不完整/);
  });

  it("names a 10-byte file truncated, not an unknown architecture", async () => {
    const p = join(dir, "ten.gguf");
    await writeFile(p, (await readFile(model)).subarray(0, 10));
    const e = await refusal(p);
    expect(e.message).toMatch(/模型文件不完整（在文件头中途被截断，只有 10 字节）/);
    expect(e.message).not.toMatch(/架构/);
    await writeFile(p, "GG");
    expect((await refusal(p)).message).toMatch(/被截断/);
  });

  it("refuses a GGUF version it does not know (version=999), and version 1", async () => {
    for (const v of [999, 1]) {
      const bytes = Buffer.from(await readFile(model));
      bytes.writeUInt32LE(v, 4);
      const p = join(dir, `v${v}.gguf`);
      await writeFile(p, bytes);
      expect((await refusal(p)).message).toMatch(new RegExp(`不支持的 GGUF 版本 ${v}.*支持版本 2、3`));
    }
    const bytes = Buffer.from(await readFile(model));
    bytes.writeUInt32LE(0, 4);
    await writeFile(join(dir, "v0.gguf"), bytes);
    expect((await refusal(join(dir, "v0.gguf"))).message).toMatch(/文件头损坏或不完整/); // no GGUF ever had version 0
  });

  it("refuses the magic followed by random bytes as a damaged header", async () => {
    const p = join(dir, "magic-random.gguf");
    await writeFile(p, Buffer.concat([Buffer.from("GGUF"), Buffer.from([0x8f, 0x13, 0xa2, 0x7c]), randomBytes(3000)]));
    expect((await refusal(p)).message).toMatch(/文件头损坏或不完整/);
  });

  it("refuses trailing garbage after the declared tensor data", async () => {
    const p = join(dir, "trailing.gguf");
    await writeFile(p, Buffer.concat([await readFile(model), Buffer.alloc(1024, 0x41)]));
    const e = await refusal(p);
    expect(e.message).toMatch(/模型文件末尾有 1\.0 KB 多余数据/);
  });

  it("refuses a valid model padded with a 100 GB sparse hole, without reading it", async () => {
    const p = join(dir, "hole.gguf");
    await writeFile(p, await readFile(model));
    await truncate(p, 100 * 1024 ** 3);
    const e = await refusal(p);
    expect(e.message).toMatch(/模型文件末尾有 100\.0 GB 多余数据/);
  });

  it("refuses a header whose counts cannot fit the file (a 10^12-entry header over a hole)", async () => {
    const bytes = Buffer.from(await readFile(model));
    bytes.writeBigUInt64LE(10n ** 12n, 16); // metadata entries
    const p = join(dir, "counts.gguf");
    await writeFile(p, bytes);
    expect((await refusal(p)).message).toMatch(/文件头损坏或不完整/);
    await truncate(p, 100 * 1024 ** 3);
    bytes.writeBigUInt64LE(10n ** 9n, 16);
    await writeFile(p, bytes);
    await truncate(p, 100 * 1024 ** 3);
    expect((await refusal(p)).message).toMatch(/文件头损坏或不完整/);
  });

  it("refuses a tensor of a type whose size it cannot check", async () => {
    const bytes = Buffer.from(await readFile(model));
    bytes.writeUInt32LE(200, tensorInfoAt(bytes, "output_norm.weight").typeAt);
    const p = join(dir, "type.gguf");
    await writeFile(p, bytes);
    expect((await refusal(p)).message).toMatch(/不认识的权重类型（ggml 类型 200，张量 output_norm\.weight）/);
  });

  it("accepts a large model whose file holds exactly its declared data", async () => {
    const p = join(dir, "large.gguf");
    const size = await writeLargeModel(p, 64 * 1024 * 1024);
    await expect(inspectGguf(p)).resolves.toMatchObject({ sizeBytes: size, architecture: "llama" });
  });

  it("refuses a file truncated in the middle of tensor data", async () => {
    const bytes = await readFile(model);
    const p = join(dir, "truncated.gguf");
    await writeFile(p, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    expect((await refusal(p)).message).toMatch(/截断/);
  });

  it("refuses a file cut inside the header", async () => {
    const bytes = await readFile(model);
    const p = join(dir, "header-cut.gguf");
    await writeFile(p, bytes.subarray(0, 200));
    expect((await refusal(p)).message).toMatch(/文件头损坏或不完整|截断/);
  });

  it("refuses split GGUF parts, first one included, with a hint to merge", async () => {
    for (const name of ["qwen-00001-of-00003.gguf", "qwen-00002-of-00003.gguf"]) {
      const p = join(dir, name);
      await writeFile(p, await readFile(model));
      expect((await refusal(p)).message).toMatch(/分片模型（共 3 片）.*合并/);
    }
  });

  it("refuses an architecture llama.cpp does not know", async () => {
    const p = join(dir, "alien.gguf");
    const tiny = describeTinyLlama();
    const metadata = tiny.metadata.map(([k, v]) =>
      k === "general.architecture" ? ([k, { type: "string", value: "alien-net" }] as const) : ([k.replace(/^llama\./, "alien-net."), v] as const),
    );
    await writeFile(p, writeGguf({ ...tiny, metadata }));
    expect((await refusal(p)).message).toMatch(/不支持的模型架构：alien-net/);
  });

  it("says a missing file is missing", async () => {
    expect((await refusal(join(dir, "nope.gguf"))).code).toBe("NOT_FOUND");
  });
});
