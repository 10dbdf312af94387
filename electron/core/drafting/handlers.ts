import type { ContractDef } from "../../common/rpc/define";
import type { draftingEvents, draftingMethods } from "../../common/contracts/drafting";
import { RpcError } from "../../common/rpc/wire";
import { requireBase } from "../ingest/kb-repo";
import type { Handlers } from "../rpc/router";
import type { CoreServices } from "../services";
import { checkDraft, checkText } from "./check/check";
import { exportDraft } from "./export/export";
import { runGenerate } from "./generate/draft-job";
import { runPolish } from "./generate/polish-job";
import { allKinds, kindInfo } from "./kinds/kinds";
import { DraftsRepo } from "./store/drafts-repo";
import { keyedDeltas } from "./stream";

type DraftingContract = ContractDef<typeof draftingMethods, typeof draftingEvents>;

/** 公文写作's calls (issue 12): kinds, drafts, check, export, drafting and wording with the model. */
export function draftingHandlers(s: CoreServices): Handlers<DraftingContract> {
  const repo = new DraftsRepo(s.store.db);
  const kbText = (documentId: number): string => {
    const rows = s.store.db
      .prepare("SELECT p.text FROM kb_documents d JOIN kb_pages p ON p.content_id = d.content_id WHERE d.id = ? ORDER BY p.page")
      .all(documentId) as { text: string }[];
    if (rows.length === 0) throw new RpcError("NOT_FOUND", "找不到该文档的内容，可能尚未完成索引或已被移除。");
    return rows.map((r) => r.text).join("\n");
  };
  return {
    "drafting.kinds": () => allKinds().map(kindInfo),
    "drafting.drafts.list": ({ query }) => repo.list(query),
    "drafting.drafts.get": ({ id }) => repo.get(id),
    "drafting.drafts.save": (input) => repo.save({ id: input.id, spec: input.spec }),
    "drafting.drafts.delete": ({ id }) => ({ deleted: repo.delete(id) }),
    "drafting.check": async ({ source, kind }) => {
      if ("spec" in source) return checkDraft(kind ? { ...source.spec, kind } : source.spec);
      if ("text" in source) return checkText(source.text, kind);
      // DOCX/WPS reading (fast-xml-parser, zip) loads on first use, not with the core (issue 15: start-up).
      if ("path" in source) return (await import("./check/files")).checkFile(source.path, kind);
      return checkText(kbText(source.documentId), kind);
    },
    "drafting.fix": async ({ path, outPath, kind }) => {
      const { fixFile } = await import("./check/files");
      const r = await fixFile(path, outPath, kind);
      return { path: outPath, applied: r.applied, remaining: r.after.findings };
    },
    "drafting.export": (input) => exportDraft(s, "id" in input ? repo.get(input.id).spec : input.spec, input.path),
    "drafting.generate": async (input, job) => {
      if (input.kb) requireBase(s.store.db, input.kb);
      const deltas = keyedDeltas<string>((key, text) => {
        const [stage, index] = key.split(":") as ["outline" | "section", string];
        s.emit("drafting.delta", { jobId: job.jobId, stage, index: Number(index), text });
      });
      try {
        return await runGenerate(s, repo, input, {
          signal: job.signal,
          progress: (d, t, stage) => job.progress(d, t, stage),
          delta: (stage, index, text) => deltas.push(`${stage}:${index}`, text),
          section: (index, section) => {
            deltas.flush();
            s.emit("drafting.section", { jobId: job.jobId, index, section });
          },
        });
      } finally {
        deltas.flush();
      }
    },
    "drafting.polish": async (input, job) => {
      const deltas = keyedDeltas<"polish">((_k, text) => s.emit("drafting.delta", { jobId: job.jobId, stage: "polish", index: -1, text }));
      try {
        return await runPolish(s, input, { signal: job.signal, progress: (d, t, stage) => job.progress(d, t, stage), delta: (text) => deltas.push("polish", text) });
      } finally {
        deltas.flush();
      }
    },
  };
}

