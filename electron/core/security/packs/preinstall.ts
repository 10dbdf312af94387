import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../../store/open-store";
import { installPack, verifyPack, type InstallResult } from "./import-pack";

/**
 * Installs every knowledge pack in the policy's packs folder that is not
 * installed yet (by pack id), so IT can hand out bases by dropping files in
 * a shared folder. One bad pack is reported and skipped; the others go on.
 */
export async function preinstallPacks(
  db: Db,
  folder: string,
  localEmbedModel: string | null,
  report: (file: string, outcome: InstallResult | Error) => void,
): Promise<void> {
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.toLowerCase().endsWith(".govpack")).sort();
  } catch (e) {
    report(folder, e instanceof Error ? e : new Error(String(e)));
    return;
  }
  for (const name of files) {
    const file = join(folder, name);
    try {
      const { header } = await verifyPack(file);
      if (db.prepare("SELECT 1 FROM kb_bases WHERE pack_id = ?").get(header.packId)) continue;
      report(file, await installPack(db, file, { localEmbedModel }));
    } catch (e) {
      report(file, e instanceof Error ? e : new Error(String(e)));
    }
  }
}
