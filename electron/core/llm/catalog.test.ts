import { describe, expect, it } from "vitest";
import { catalogMatch, loadCatalog, recommend } from "./catalog";

const GB = 1024 ** 3;

describe("models/catalog.json", () => {
  it("is valid and covers chat (incl. reasoning) and embedding models", async () => {
    const entries = await loadCatalog();
    expect(entries.some((e) => e.role === "embedding")).toBe(true);
    expect(entries.some((e) => e.reasoning)).toBe(true);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it("recommends what fits this machine, largest first", async () => {
    const entries = await loadCatalog();
    const small = recommend(entries, { ramTotal: 8 * GB, vramTotal: 0 });
    expect(small.every((e) => e.recommended.ramGB <= 8)).toBe(true);
    expect(small.length).toBeGreaterThan(0);
    const big = recommend(entries, { ramTotal: 64 * GB, vramTotal: 24 * GB });
    expect(big.length).toBeGreaterThan(small.length);
    expect(big[0]!.sizeGB).toBeGreaterThanOrEqual(big.at(-1)!.sizeGB);
  });

  it("matches by sha256, and flags a known file name with another hash", async () => {
    const entries = [{ ...(await loadCatalog())[0]!, sha256: "a".repeat(64) }];
    expect(catalogMatch(entries, "x.gguf", "a".repeat(64))?.mismatch).toBe(false);
    expect(catalogMatch(entries, entries[0]!.fileName, "b".repeat(64))?.mismatch).toBe(true);
    expect(catalogMatch(entries, "other.gguf", "b".repeat(64))).toBeNull();
  });
});
