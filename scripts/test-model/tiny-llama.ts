/**
 * Description of GovDesk's deterministic test model: a 2-layer, 64-wide llama
 * with random (seeded) F32 weights and a tiny SentencePiece-style vocabulary.
 *
 * It is useless as a language model on purpose: it exists so tests can drive
 * the real node-llama-cpp stack (load, tokenise, chat, embed) offline, quickly
 * and on CPU, without shipping or downloading a real model.
 *
 * Design choices (the "why"):
 * - 256 byte tokens `<0x00>`..`<0xFF>` give llama.cpp's SPM tokenizer a byte
 *   fallback, so ANY UTF-8 text (Chinese 公文 included) tokenises and
 *   detokenises losslessly even though the vocabulary is only ~330 pieces.
 * - ChatML control tokens plus the standard ChatML jinja template make
 *   node-llama-cpp pick its ChatML chat wrapper, like many real local models.
 * - `output.weight` rows of control tokens and byte tokens are zero, so their
 *   logit is exactly 0 while the max over ~60 random normal-piece logits is
 *   positive: greedy decoding therefore emits printable normal pieces instead
 *   of ending immediately (empty reply) or emitting broken UTF-8 bytes. The
 *   model can still stop via maxTokens or stop triggers in tests.
 * - A single mulberry32 stream with a fixed seed, tensors generated in a fixed
 *   order: the file is byte-identical on every run and platform (only integer
 *   ops and exact float conversions are involved).
 */
import { writeGguf, type GgufFile, type GgufTensor, type GgufValue } from "./gguf-writer";

export const TINY_LLAMA = {
    name: "govdesk-test-tiny",
    contextLength: 512,
    embeddingLength: 64,
    blockCount: 2,
    feedForwardLength: 128,
    headCount: 4,
    headCountKv: 2,
    /** = embeddingLength / headCount */
    ropeDimensionCount: 16,
    rmsEpsilon: 1e-5,
    seed: 0x60_0d_de_5c,
    weightScale: 0.05
} as const;

/** llama.cpp token types (llama_token_type / gguf convention). */
const TokenType = { NORMAL: 1, UNKNOWN: 2, CONTROL: 3, BYTE: 6 } as const;

export const SPECIAL_TOKENS = {
    unk: { id: 0, text: "<unk>" },
    bos: { id: 1, text: "<s>" },
    eos: { id: 2, text: "</s>" },
    imStart: { id: 3, text: "<|im_start|>" },
    imEnd: { id: 4, text: "<|im_end|>" }
} as const;

/** Normal pieces, in decreasing merge priority. "▁" (U+2581) is SentencePiece's space. */
const NORMAL_PIECES: readonly string[] = [
    "▁",
    ..."abcdefghijklmnopqrstuvwxyz",
    "th", "he", "the", "▁t", "▁the", "in", "ing", "an", "and", "▁a", "▁and",
    "er", "on", "is", "▁is", "to", "▁to", "of", "▁of", "it", "▁it",
    "的", "是", "在", "了", "和", "有", "通", "知", "政", "府", "工", "作", "报", "告",
    "关", "于", "办", "公", "会", "议", "文", "件",
    "通知", "政府", "工作", "报告", "关于", "办公", "会议", "文件", "，", "。"
];

/** Standard ChatML template (as used by Qwen / OpenHermes et al.). */
export const CHATML_TEMPLATE =
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

interface Vocab { tokens: string[]; scores: number[]; types: number[] }

function buildVocab(): Vocab {
    const tokens: string[] = [];
    const scores: number[] = [];
    const types: number[] = [];
    const add = (text: string, score: number, type: number) => {
        tokens.push(text); scores.push(score); types.push(type);
    };
    for (const t of Object.values(SPECIAL_TOKENS)) {
        if (tokens.length !== t.id) throw new Error("special token ids must be dense and ordered");
        add(t.text, 0, t.id === SPECIAL_TOKENS.unk.id ? TokenType.UNKNOWN : TokenType.CONTROL);
    }
    for (let b = 0; b < 256; b++)
        add(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`, 0, TokenType.BYTE);
    // SPM merges the adjacent pair whose merged piece has the highest score first.
    NORMAL_PIECES.forEach((piece, i) => add(piece, -(i + 1), TokenType.NORMAL));
    if (new Set(tokens).size !== tokens.length) throw new Error("duplicate vocabulary piece");
    return { tokens, scores, types };
}

/** mulberry32: tiny, well-known 32-bit PRNG; returns a float in [0, 1). */
export function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Build the full GGUF description (metadata + tensors). */
export function describeTinyLlama(): GgufFile {
    const c = TINY_LLAMA;
    const vocab = buildVocab();
    const nVocab = vocab.tokens.length;
    const nEmbdKv = (c.embeddingLength / c.headCount) * c.headCountKv;
    const rand = mulberry32(c.seed);

    const random = (name: string, dims: number[]): GgufTensor => {
        const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
        for (let i = 0; i < data.length; i++) data[i] = (rand() * 2 - 1) * c.weightScale;
        return { name, dims, data };
    };
    const ones = (name: string, n: number): GgufTensor =>
        ({ name, dims: [n], data: new Float32Array(n).fill(1) });

    const tensors: GgufTensor[] = [
        random("token_embd.weight", [c.embeddingLength, nVocab]),
        ones("output_norm.weight", c.embeddingLength)
    ];
    const output = random("output.weight", [c.embeddingLength, nVocab]);
    // Zero the logit rows of every non-normal token (see header comment).
    for (let id = 0; id < nVocab; id++)
        if (vocab.types[id] !== TokenType.NORMAL)
            output.data.fill(0, id * c.embeddingLength, (id + 1) * c.embeddingLength);
    tensors.push(output);

    for (let b = 0; b < c.blockCount; b++) {
        const p = `blk.${b}.`;
        tensors.push(
            ones(`${p}attn_norm.weight`, c.embeddingLength),
            random(`${p}attn_q.weight`, [c.embeddingLength, c.embeddingLength]),
            random(`${p}attn_k.weight`, [c.embeddingLength, nEmbdKv]),
            random(`${p}attn_v.weight`, [c.embeddingLength, nEmbdKv]),
            random(`${p}attn_output.weight`, [c.embeddingLength, c.embeddingLength]),
            ones(`${p}ffn_norm.weight`, c.embeddingLength),
            random(`${p}ffn_gate.weight`, [c.embeddingLength, c.feedForwardLength]),
            random(`${p}ffn_up.weight`, [c.embeddingLength, c.feedForwardLength]),
            random(`${p}ffn_down.weight`, [c.feedForwardLength, c.embeddingLength])
        );
    }

    const u32 = (value: number): GgufValue => ({ type: "uint32", value });
    const metadata: Array<readonly [string, GgufValue]> = [
        ["general.architecture", { type: "string", value: "llama" }],
        ["general.name", { type: "string", value: c.name }],
        ["general.file_type", u32(0)], // 0 = ALL_F32
        ["llama.vocab_size", u32(nVocab)],
        ["llama.context_length", u32(c.contextLength)],
        ["llama.embedding_length", u32(c.embeddingLength)],
        ["llama.block_count", u32(c.blockCount)],
        ["llama.feed_forward_length", u32(c.feedForwardLength)],
        ["llama.attention.head_count", u32(c.headCount)],
        ["llama.attention.head_count_kv", u32(c.headCountKv)],
        ["llama.rope.dimension_count", u32(c.ropeDimensionCount)],
        ["llama.rope.freq_base", { type: "float32", value: 10000 }],
        ["llama.attention.layer_norm_rms_epsilon", { type: "float32", value: c.rmsEpsilon }],
        ["tokenizer.ggml.model", { type: "string", value: "llama" }],
        ["tokenizer.ggml.tokens", { type: "string[]", value: vocab.tokens }],
        ["tokenizer.ggml.scores", { type: "float32[]", value: vocab.scores }],
        ["tokenizer.ggml.token_type", { type: "int32[]", value: vocab.types }],
        ["tokenizer.ggml.unknown_token_id", u32(SPECIAL_TOKENS.unk.id)],
        ["tokenizer.ggml.bos_token_id", u32(SPECIAL_TOKENS.bos.id)],
        // ChatML turns end with <|im_end|>; making it EOS lets chat generation stop on it.
        ["tokenizer.ggml.eos_token_id", u32(SPECIAL_TOKENS.imEnd.id)],
        ["tokenizer.ggml.add_bos_token", { type: "bool", value: true }],
        ["tokenizer.ggml.add_eos_token", { type: "bool", value: false }],
        // No implicit leading "▁": keeps tokenize/detokenize an exact round trip.
        ["tokenizer.ggml.add_space_prefix", { type: "bool", value: false }],
        ["tokenizer.chat_template", { type: "string", value: CHATML_TEMPLATE }]
    ];
    return { metadata, tensors };
}

/** The GGUF bytes of the test model; identical on every call. */
export function buildTinyLlama(): Uint8Array {
    return writeGguf(describeTinyLlama());
}
