import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessage, Conversation } from "../../../../electron/common/contracts/assistant";
import { api, runJob } from "../../api";
import { useCoreStore } from "../../state/core";
import { askInput, type AskOptions } from "./ask-input";

export interface Streaming {
  question: string;
  text: string;
  thought: string;
  /** new: a question after the thread; regenerate: another version of the last answer; edit: replaces `editOf` and what follows. */
  mode: "new" | "regenerate" | "edit";
  editOf?: number | undefined;
  /** When the first character of the answer arrived (for 字/秒). */
  firstAt: number | null;
  /** The job's stage: search, model, answer. */
  stage: string | null;
}

/**
 * State of the 对话 screen: the conversation list (searchable), the open
 * conversation's messages (every answer version), and the answer being
 * streamed. An answer is only added to the messages once the core has saved
 * it, so a stopped answer disappears exactly as it does from the database.
 */
export function useChat() {
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [query, setQuery] = useState("");
  const [activeId, setActiveId] = useState<number | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [streaming, setStreaming] = useState<Streaming | null>(null);
  const controller = useRef<AbortController | null>(null);
  const running = useCoreStore((s) => s.core.state === "running");

  const reloadList = useCallback(async () => {
    setConversations(await api.call("assistant.conversations.list", query.trim() ? { query } : {}));
  }, [query]);

  useEffect(() => {
    if (running) void reloadList().catch(() => {});
  }, [reloadList, running]);

  const reloadMessages = useCallback(async (id: number) => {
    setMessages((await api.call("assistant.conversations.get", { id })).messages);
  }, []);

  const open = useCallback(
    async (id: number | null) => {
      setActiveId(id);
      if (id === null) setMessages([]);
      else await reloadMessages(id);
    },
    [reloadMessages],
  );

  const ask = useCallback(
    async (question: string, opts: Omit<AskOptions, "conversationId">) => {
      const c = new AbortController();
      controller.current = c;
      let jobId = "";
      const mode: Streaming["mode"] = opts.regenerate ? "regenerate" : opts.editOf !== undefined ? "edit" : "new";
      const live: Streaming = { question, text: "", thought: "", mode, editOf: opts.editOf, firstAt: null, stage: null };
      setStreaming({ ...live });
      const off = api.on("assistant.delta", (d) => {
        if (d.jobId !== jobId) return;
        if (d.type === "text") {
          live.text += d.text;
          live.firstAt ??= Date.now();
        } else live.thought += d.text;
        setStreaming({ ...live });
      });
      try {
        const r = await runJob("assistant.ask", askInput(question, { ...opts, conversationId: activeId }), {
          signal: c.signal,
          onJobId: (id) => (jobId = id),
          onProgress: (p) => {
            live.stage = p.stage;
            setStreaming({ ...live });
          },
        });
        setActiveId(r.conversationId);
        await reloadMessages(r.conversationId);
        await reloadList();
      } finally {
        off();
        controller.current = null;
        setStreaming(null);
      }
    },
    [activeId, reloadList, reloadMessages],
  );

  /** Show another version of an answer (‹ ›); later questions build on the one shown. */
  const selectVersion = useCallback(
    async (id: number) => {
      await api.call("assistant.messages.select", { id });
      if (activeId !== null) await reloadMessages(activeId);
    },
    [activeId, reloadMessages],
  );

  const removeMessage = useCallback(
    async (id: number) => {
      await api.call("assistant.messages.delete", { id });
      if (activeId !== null) await reloadMessages(activeId);
      await reloadList();
    },
    [activeId, reloadList, reloadMessages],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  return { conversations, query, setQuery, activeId, open, messages, streaming, ask, stop, reloadList, selectVersion, removeMessage };
}
