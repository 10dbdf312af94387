import { z } from "zod";
import { CatalogEntry } from "../../common/contracts/models";
import catalogJson from "../../../models/catalog.json" with { type: "json" };

export { CatalogEntry };

const Catalog = z.object({ version: z.literal(1), models: z.array(CatalogEntry) });

/** models/catalog.json, validated (bundled into the build, never downloaded). */
export async function loadCatalog(): Promise<CatalogEntry[]> {
  return Catalog.parse(catalogJson).models;
}

/** The catalog entry for a file, by sha256 or file name; `mismatch` when the name matches but the hash does not. */
export function catalogMatch(entries: CatalogEntry[], fileName: string, sha256: string): { entry: CatalogEntry; mismatch: boolean } | null {
  const bySha = entries.find((e) => e.sha256 === sha256);
  if (bySha) return { entry: bySha, mismatch: false };
  const byName = entries.find((e) => e.fileName.toLowerCase() === fileName.toLowerCase());
  if (!byName) return null;
  return { entry: byName, mismatch: byName.sha256 !== null && byName.sha256 !== sha256 };
}

/** Catalog models this machine can run comfortably, largest first. */
export function recommend(entries: CatalogEntry[], machine: { ramTotal: number; vramTotal: number }): CatalogEntry[] {
  const gb = 1024 ** 3;
  return entries
    .filter((e) => e.recommended.ramGB * gb <= machine.ramTotal * 1.05 || (e.recommended.vramGB > 0 && e.recommended.vramGB * gb <= machine.vramTotal * 1.05))
    .sort((a, b) => b.sizeGB - a.sizeGB);
}
