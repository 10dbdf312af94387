import type { Db } from "../store/open-store";

/**
 * An in-memory copy of one dimension's sign bits (binary quantisation), so a
 * query's Hamming distances to every chunk are one tight loop over a typed
 * array (1M × 384 dims = 48 MB) instead of vec0's KNN, whose cost grows with
 * the candidate count. Loaded on first use and reloaded when the vectors
 * changed: through this connection (the local generation) or another one
 * (PRAGMA data_version).
 */
interface Loaded {
  version: string;
  ids: Float64Array;
  /** Content id of each row's chunk, so a scan can skip rows outside the base and its filters. */
  contents: Int32Array;
  bits: Uint32Array;
  words: number;
}

const cache = new WeakMap<Db, Map<number, Loaded>>();
const generation = new WeakMap<Db, number>();

/** Called by every write to vector tables on this connection. */
export function bumpVectors(db: Db): void {
  generation.set(db, (generation.get(db) ?? 0) + 1);
}

function version(db: Db): string {
  return `${db.pragma("data_version", { simple: true }) as number}:${generation.get(db) ?? 0}`;
}

function load(db: Db, dim: number): Loaded {
  const words = Math.ceil(dim / 32);
  const n = (db.prepare(`SELECT count(*) AS n FROM kb_vecf_${dim}`).get() as { n: number }).n;
  const ids = new Float64Array(n);
  const bits = new Uint32Array(n * words);
  let i = 0;
  for (const row of db.prepare(`SELECT rowid AS id, bq FROM kb_vec_${dim}`).iterate() as Iterable<{ id: number | bigint; bq: Buffer }>) {
    if (i >= n) break;
    ids[i] = Number(row.id);
    const b = row.bq;
    bits.set(new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + words * 4)), i * words);
    i++;
  }
  const maxId = (db.prepare("SELECT coalesce(max(id), 0) AS m FROM kb_chunks").get() as { m: number }).m;
  const contentOf = new Int32Array(maxId + 1);
  for (const r of db.prepare("SELECT id, content_id AS c FROM kb_chunks").iterate() as Iterable<{ id: number; c: number }>) contentOf[r.id] = r.c;
  const contents = new Int32Array(i);
  for (let j = 0; j < i; j++) contents[j] = contentOf[ids[j]!] ?? 0;
  return { version: "", ids: ids.subarray(0, i), contents, bits: bits.subarray(0, i * words), words };
}

function get(db: Db, dim: number): Loaded {
  let byDim = cache.get(db);
  if (!byDim) cache.set(db, (byDim = new Map()));
  const v = version(db);
  const hit = byDim.get(dim);
  if (hit && hit.version === v) return hit;
  const loaded = { ...load(db, dim), version: v };
  byDim.set(dim, loaded);
  return loaded;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Sign bits of a vector, in vec_quantize_binary's layout (bit i of byte j = element 8j + i > 0). */
export function quantize(v: Float32Array): Uint32Array {
  const bytes = new Uint8Array(Math.ceil(v.length / 32) * 4);
  for (let i = 0; i < v.length; i++) if (v[i]! > 0) bytes[i >> 3]! |= 1 << (i & 7);
  return new Uint32Array(bytes.buffer);
}

/** Smallest distance d with at least `want` rows at distance <= d. */
function cutFor(hist: Uint32Array, want: number): number {
  let seen = 0;
  for (let d = 0; d < hist.length; d++) {
    seen += hist[d]!;
    if (seen >= want) return d;
  }
  return hist.length - 1;
}

/**
 * The ids of the ~`count` chunks nearest to `v` by Hamming distance over
 * the sign bits, in two stages without sorting everything: the first 128
 * bits of every allowed row with a histogram cut keep ~16 × count rows, whose full
 * distance then picks the `count` nearest. (Stage one reads a third of the
 * bits of a 384-dim index; bench/search reports the recall.)
 */
export function hammingCandidates(db: Db, v: Float32Array, count: number, allowed?: Uint8Array): number[] {
  const { ids, contents, bits, words } = get(db, v.length);
  const q = quantize(v);
  const n = ids.length;
  const head = Math.min(4, words);
  const d1 = new Uint8Array(n);
  const h1 = new Uint32Array(head * 32 + 1);
  const FAR = 255;
  for (let i = 0, o = 0; i < n; i++, o += words) {
    if (allowed && !allowed[contents[i]!]) {
      d1[i] = FAR; // outside the base or its filters
      continue;
    }
    let d = 0;
    for (let w = 0; w < head; w++) d += popcount(bits[o + w]! ^ q[w]!);
    d1[i] = d;
    h1[d]!++;
  }
  const cut1 = cutFor(h1, count * 16);
  const near: { id: number; d: number }[] = [];
  for (let i = 0; i < n; i++) {
    if (d1[i]! > cut1 || d1[i] === FAR) continue;
    let d = d1[i]!;
    for (let w = head, o = i * words; w < words; w++) d += popcount(bits[o + w]! ^ q[w]!);
    near.push({ id: ids[i]!, d });
  }
  near.sort((a, b) => a.d - b.d);
  return near.slice(0, count).map((x) => x.id);
}
