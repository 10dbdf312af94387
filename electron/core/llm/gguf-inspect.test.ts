import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureTestModel } from "../../../scripts/test-model/ensure";
import { writeGguf } from "../../../scripts/test-model/gguf-writer";
import { describeTinyLlama } from "../../../scripts/test-model/tiny-llama";
import type { RpcError } from "../../common/rpc/wire";
import { rpcRejection } from "../testing/rpc-error";
import { tempDir } from "../testing/temp-dir";
import { inspectGguf } from "./gguf-inspect";

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

  it("refuses a GGUF magic followed by garbage", async () => {
    const p = join(dir, "magic.gguf");
    await writeFile(p, Buffer.concat([Buffer.from("GGUF"), randomBytes(4000)]));
    expect((await refusal(p)).message).toMatch(/文件头损坏或不完整/);
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
