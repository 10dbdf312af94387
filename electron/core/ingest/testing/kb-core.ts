import { contract } from "../../../common/contract";
import { knowledgeEvents, knowledgeMethods } from "../../../common/contracts/knowledge";
import { defineContract } from "../../../common/rpc/define";
import { createCore, type Core, type CoreServices } from "../../core";
import { connectInProcess } from "../../rpc/in-process";
import type { Embedder } from "../../llm/embedder";
import type { Handlers } from "../../rpc/router";
import { knowledgeHandlers } from "../handlers";

/**
 * Test-only: a core serving the knowledge calls (plus jobs), independent of
 * the other features' handlers, with an optional real embedder plugged in.
 */
export const kbContract = defineContract(
  { ...knowledgeMethods, "jobs.cancel": contract.methods["jobs.cancel"] },
  { ...knowledgeEvents, "job.progress": contract.events["job.progress"], "job.finished": contract.events["job.finished"] },
);
export type KbContract = typeof kbContract;

export function kbCore(dataDir: string, embedder: Embedder | null = null, host: "test" | "serve" = "test"): { core: Core<KbContract>; client: ReturnType<typeof connectInProcess<KbContract>>; services: () => CoreServices } {
  const core = createCore(
    { dataDir, host, modelProvider: { embedder: async () => embedder, chatModel: async () => null } },
    {
      contract: kbContract,
      handlers: (s): Handlers<KbContract> => ({ ...knowledgeHandlers(s), "jobs.cancel": ({ jobId }) => ({ cancelled: s.jobs.cancel(jobId) }) }),
    },
  );
  return { core, client: connectInProcess(kbContract, core.router), services: () => core.services };
}
