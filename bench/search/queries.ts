import type { Db } from "../../electron/core/store/open-store";
import { rng, type WordModel } from "../corpus/model";
import { nearVector } from "./synth";

export type QueryKind = "text" | "common" | "words";

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  vector: Float32Array;
}

const CJK_RUN = /[\u3400-\u9fff]+/g;

/**
 * What users type, in a fixed mix (seeded, the same every run):
 *   text   (40 %) 2–12 characters copied from a random chunk (a phrase they remember)
 *   common (30 %) one or two of the corpus's commonest terms (工作, 管理, 规定 …)
 *   words  (30 %) 1–3 words drawn by the corpus's Zipf frequencies
 * each with a query vector near a random stored chunk's (as a question is
 * near the passages that answer it).
 */
export function makeQueries(db: Db, model: WordModel, common: string[], n: number, dim: number, seed = 99): BenchQuery[] {
  const r = rng(seed);
  const maxId = (db.prepare("SELECT max(id) AS m FROM kb_chunks").get() as { m: number }).m;
  const chunkText = db.prepare("SELECT text FROM kb_chunks WHERE id = ?").pluck();
  const near = (): Float32Array => nearStored(db, dim, r);
  const out: BenchQuery[] = [];
  while (out.length < n) {
    const roll = r();
    const vector = near();
    if (roll < 0.4) {
      const text = (chunkText.get(1 + Math.floor(r() * maxId)) as string | undefined) ?? "";
      const runs = (text.match(CJK_RUN) ?? []).filter((run) => run.length >= 2);
      if (!runs.length) continue;
      const run = runs[Math.floor(r() * runs.length)]!;
      const len = Math.min(run.length, 2 + Math.floor(r() * 11));
      const at = Math.floor(r() * (run.length - len + 1));
      out.push({ kind: "text", text: run.slice(at, at + len), vector });
    } else if (roll < 0.7) {
      const a = common[Math.floor(r() * common.length)]!;
      const b = common[Math.floor(r() * common.length)]!;
      out.push({ kind: "common", text: r() < 0.6 || a === b ? a : `${a}${b}`, vector });
    } else {
      const words: string[] = [];
      const count = 1 + Math.floor(r() * 3);
      while (words.length < count) {
        const w = model.sampler.draw(r);
        if (/[\u3400-\u9fff]/.test(w)) words.push(w);
      }
      out.push({ kind: "words", text: words.join(""), vector });
    }
  }
  return out;
}

/** A unit vector near a random stored chunk's (noise ≈ the size of a unit vector's entries: cosine ≈ 0.87). */
export function nearStored(db: Db, dim: number, r: () => number): Float32Array {
  const maxId = db.prepare("SELECT max(id) FROM kb_chunks").pluck().get() as number;
  const b = db.prepare(`SELECT embedding FROM kb_vecf_${dim} WHERE id = ?`).pluck().get(1 + Math.floor(r() * maxId)) as Buffer;
  return nearVector(new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)), r, 0.05);
}
