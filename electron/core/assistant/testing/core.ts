import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { contract, type Contract } from "../../../common/contract";
import { createCore, type Core } from "../../core";
import type { ChatModel } from "../../llm/chat-model";
import { connectInProcess } from "../../rpc/in-process";
import { longNotice } from "./documents";

/**
 * The product core with the chat model provider swapped for a given model
 * (a real node-llama-cpp model in tests, or null for "no model set").
 */
export function openAssistantCore(dataDir: string, model: () => ChatModel | null): { core: Core<Contract>; client: ReturnType<typeof connectInProcess<Contract>> } {
  const core = createCore({ dataDir, host: "test", modelProvider: { chatModel: async () => model(), embedder: async () => null } });
  return { core, client: connectInProcess(contract, core.router) };
}

/** A plain-text 公文 with form feeds between pages (the txt extractor's page break). */
export function writeNotice(dir: string, pages: number, name = "notice.txt"): string {
  const path = join(dir, name);
  writeFileSync(path, longNotice(pages).map((p) => p.text).join("\f"));
  return path;
}
