import type { CoreServices } from "../services";
import { assertModelAllowed, requirePolicy } from "../security/services";
import { sha256File } from "./model-id";

/**
 * The admin allow-list applies to loading too, not only to import: a model
 * used by path is hashed in full, but only when the policy has a list.
 */
export async function assertPathAllowed(s: Pick<CoreServices, "policy">, path: string, knownSha256?: string): Promise<void> {
  if (!requirePolicy(s).models.allowedSha256) return;
  assertModelAllowed(s, knownSha256 ?? (await sha256File(path)));
}
