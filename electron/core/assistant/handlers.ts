import type { Handlers } from "../rpc/router";
import type { ContractDef } from "../../common/rpc/define";
import type { assistantEvents, assistantMethods } from "../../common/contracts/assistant";
import type { CoreServices } from "../services";
import type { JobContext } from "../rpc/jobs";
import { runAsk } from "./ask/job";
import { exportItem } from "./export/export";
import { ConversationsRepo } from "./store/conversations-repo";
import { deleteSummary, getSummary, listSummaries } from "./store/summaries-repo";
import { runSummarize, type JobHooks } from "./summarize/job";
import { deltaBuffer } from "./delta-buffer";
import { requireBase } from "../ingest/kb-repo";
import { assertChatOptionsAllowed } from "./chat/options";
import { guideStatus } from "./guide";
import { checkSource } from "./summarize/check";

type AssistantContract = ContractDef<typeof assistantMethods, typeof assistantEvents>;

/** Handlers for the assistant calls of the contract (conversations, ask, summarise, export). */
export function assistantHandlers(s: CoreServices): Handlers<AssistantContract> {
  const repo = new ConversationsRepo(s.store.db);
  /**
   * Runs an assistant job with hooks that stream generated text to every
   * window as assistant.delta events (coalesced), all sent before the job's
   * own finished event.
   */
  const streamed = async <T>(job: JobContext, run: (h: JobHooks) => Promise<T>): Promise<T> => {
    const buffer = deltaBuffer((c) => s.emit("assistant.delta", { jobId: job.jobId, type: c.type, text: c.text }));
    try {
      return await run({ signal: job.signal, progress: (d, t, stage) => job.progress(d, t, stage), onChunk: buffer.push });
    } finally {
      buffer.flush();
    }
  };
  return {
    "assistant.summarize": (input, job) => streamed(job, (h) => runSummarize(s, input, h)),
    "assistant.summaries.list": () => listSummaries(s.store.db),
    "assistant.summaries.get": ({ id }) => getSummary(s.store.db, id),
    "assistant.summaries.delete": ({ id }) => ({ deleted: deleteSummary(s.store.db, id) }),
    "assistant.ask": (input, job) => streamed(job, (h) => runAsk(s, repo, input, h)),
    "assistant.conversations.list": ({ query }) => repo.list(query),
    "assistant.conversations.create": (input) => {
      if (input.kb) requireBase(s.store.db, input.kb);
      assertChatOptionsAllowed(s, input);
      return repo.create({
        title: input.title ?? "新对话",
        kb: input.kb ?? null,
        modelPath: input.modelPath ?? null,
        modelName: null,
        systemPrompt: input.systemPrompt ?? null,
        temperature: input.temperature ?? null,
      });
    },
    "assistant.conversations.get": ({ id }) => ({ conversation: repo.get(id), messages: repo.messages(id) }),
    "assistant.conversations.rename": ({ id, title }) => repo.rename(id, title),
    "assistant.conversations.delete": ({ id }) => ({ deleted: repo.delete(id) }),
    "assistant.conversations.update": ({ id, ...patch }) => {
      assertChatOptionsAllowed(s, patch);
      return repo.update(id, patch);
    },
    "assistant.conversations.deleteMany": ({ ids }) => ({ deleted: repo.deleteMany(ids) }),
    "assistant.messages.delete": ({ id }) => ({ deleted: repo.messagesRepo.delete(id) }),
    "assistant.messages.select": ({ id }) => repo.messagesRepo.select(id),
    "assistant.sources.check": async ({ paths }) => ({ sources: await Promise.all(paths.map(checkSource)) }),
    "assistant.guide": () => guideStatus(s),
    "assistant.export": (input) => exportItem(s, repo, input),
  };
}
