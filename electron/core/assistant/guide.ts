import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { GuideStatus } from "../../common/contracts/assistant";
import { policySettings } from "../security/services";
import type { CoreServices } from "../services";

const REMOTE_PREFIX = "remote:";

/**
 * The first-run guide's state, from what the user has actually done (a chat
 * model to use, a knowledge base with a document, a question or summary) and
 * what IT's policy presets: whether to show it, a message, the intranet
 * model server to offer, the GGUF files in the shared model folder.
 */
export async function guideStatus(s: CoreServices): Promise<GuideStatus> {
  const db = s.store.db;
  const settings = policySettings(s, s.settings.get());
  const id = settings.defaultChatModelId;
  const modelDone = id
    ? id.startsWith(REMOTE_PREFIX)
      ? settings.remoteModelUrl.trim() !== ""
      : db.prepare("SELECT 1 FROM models WHERE id = ?").get(id) !== undefined
    : false;
  const knowledgeDone = db.prepare("SELECT 1 FROM kb_documents WHERE status = 'ready' LIMIT 1").get() !== undefined;
  const askDone =
    db.prepare("SELECT 1 FROM assistant_messages LIMIT 1").get() !== undefined || db.prepare("SELECT 1 FROM assistant_summaries LIMIT 1").get() !== undefined;
  const steps = [
    { id: "model" as const, done: modelDone },
    { id: "knowledge" as const, done: knowledgeDone },
    { id: "ask" as const, done: askDone },
  ];
  const load = s.policy.load;
  const firstRun = load.ok ? load.policy.firstRun : null;
  const remote = firstRun?.remoteModelUrl && firstRun.remoteModel ? { url: firstRun.remoteModelUrl, model: firstRun.remoteModel } : null;
  return {
    steps,
    done: steps.every((x) => x.done),
    seen: settings.guideSeen,
    show: firstRun?.show ?? "guide",
    message: firstRun?.message ?? null,
    remote,
    sharedModels: load.ok && load.policy.models.sharedFolder ? await sharedModels(load.policy.models.sharedFolder) : [],
  };
}

/** The GGUF files directly in IT's shared model folder (none when it cannot be read). */
async function sharedModels(folder: string): Promise<GuideStatus["sharedModels"]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const out: GuideStatus["sharedModels"] = [];
  for (const fileName of names.filter((n) => n.toLowerCase().endsWith(".gguf")).sort().slice(0, 50)) {
    const path = join(folder, fileName);
    const st = await stat(path).catch(() => null);
    if (st?.isFile()) out.push({ path, fileName, sizeBytes: st.size });
  }
  return out;
}
