/**
 * Proves the generated test model works with the REAL node-llama-cpp (no
 * mocks), CPU only. Weights are random, so we test mechanics, not text.
 *
 * Note: always pass `threads: 1` to contexts in tests — on small CI machines
 * the default thread count makes evaluation dramatically slower.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { getLlama, LlamaChatSession, readGgufFileInfo, type Llama, type LlamaModel } from "node-llama-cpp";
import { buildTinyLlama, TINY_LLAMA } from "./tiny-llama";
import { ensureTestModel, sha256Hex } from "./ensure";

let modelPath: string;
let llama: Llama;
let model: LlamaModel;

beforeAll(async () => {
    modelPath = await ensureTestModel();
    // gpu: false = CPU only; build: "never" = fail fast rather than compile llama.cpp in a test.
    llama = await getLlama({ gpu: false, build: "never" });
    model = await llama.loadModel({ modelPath });
}, 60_000);

afterAll(async () => {
    await model?.dispose();
    await llama?.dispose();
});

describe("tiny test model generator", () => {
    it("is deterministic and small", async () => {
        const a = buildTinyLlama();
        const b = buildTinyLlama();
        expect(sha256Hex(a)).toBe(sha256Hex(b));
        expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
        expect(a.length).toBeLessThan(2 * 1024 * 1024);
        // The cached file is exactly a fresh build.
        expect(sha256Hex(await readFile(modelPath))).toBe(sha256Hex(a));
    });

    it("ensureTestModel reuses a good file and replaces a corrupt one", async () => {
        const dir = await mkdtemp(path.join(os.tmpdir(), "govdesk-ensure-"));
        try {
            const file = await ensureTestModel(dir);
            expect(file).toBe(path.join(dir, "tiny-llama.gguf"));
            expect(await ensureTestModel(dir)).toBe(file);
            await writeFile(file, "not a model");
            const [again1, again2] = await Promise.all([ensureTestModel(dir), ensureTestModel(dir)]);
            expect(again1).toBe(file);
            expect(again2).toBe(file);
            expect(sha256Hex(await readFile(file))).toBe(sha256Hex(buildTinyLlama()));
        } finally {
            await rm(dir, { recursive: true, force: true });
        }
    });

    it("writes metadata that node-llama-cpp's GGUF reader parses", async () => {
        const info = await readGgufFileInfo(modelPath, { logWarnings: false });
        expect(info.version).toBe(3);
        expect(info.metadata.general.architecture).toBe("llama");
        expect(info.metadata.general.name).toBe("govdesk-test-tiny");
        const meta = info.metadata as unknown as { llama: Record<string, unknown> };
        expect(meta.llama.embedding_length).toBe(TINY_LLAMA.embeddingLength);
        expect(meta.llama.block_count).toBe(TINY_LLAMA.blockCount);
        expect(info.tensorInfo?.length).toBe(3 + 9 * TINY_LLAMA.blockCount);
    });
});

describe("tiny test model in node-llama-cpp (CPU)", () => {
    it("loads with the expected shape", () => {
        expect(model.trainContextSize).toBe(TINY_LLAMA.contextLength);
        expect(model.embeddingVectorSize).toBe(TINY_LLAMA.embeddingLength);
    });

    it("round-trips Chinese text through tokenize/detokenize", () => {
        for (const text of ["关于加强办公用品采购管理的通知", "政府工作报告：the 2024 plan, ok?\n第二行"]) {
            const tokens = model.tokenize(text);
            expect(tokens.length).toBeGreaterThan(0);
            expect(model.detokenize(tokens)).toBe(text);
        }
    });

    it("chats through the ChatML wrapper and generates tokens", async () => {
        const context = await model.createContext({ threads: 1, contextSize: 512 });
        try {
            const session = new LlamaChatSession({ contextSequence: context.getSequence() });
            expect(session.chatWrapper.wrapperName).toBe("ChatML");
            let tokenCount = 0;
            let streamed = "";
            const reply = await session.prompt("请起草一份会议通知", {
                maxTokens: 16,
                onToken: (tokens) => { tokenCount += tokens.length; },
                onTextChunk: (chunk) => { streamed += chunk; }
            });
            expect(tokenCount).toBeGreaterThan(0);
            expect(tokenCount).toBeLessThanOrEqual(16);
            // Control/byte logits are zeroed, so greedy output is printable text.
            expect(reply.length).toBeGreaterThan(0);
            expect(streamed).toBe(reply);
        } finally {
            await context.dispose();
        }
    });

    it("produces embeddings of embedding_length", async () => {
        const embeddingContext = await model.createEmbeddingContext({ threads: 1 });
        try {
            const embedding = await embeddingContext.getEmbeddingFor("政府工作报告");
            expect(embedding.vector.length).toBe(TINY_LLAMA.embeddingLength);
            expect(embedding.vector.every(Number.isFinite)).toBe(true);
        } finally {
            await embeddingContext.dispose();
        }
    });
});
