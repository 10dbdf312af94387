import { useCallback, useEffect, useRef, useState } from "react";
import type { ChatMessage, Conversation } from "../../../../electron/common/contracts/assistant";
import { api, runJob } from "../../api";
import { askInput, type AskOptions } from "./ask-input";

export interface Streaming {
  question: string;
  text: string;
  thought: string;
  regenerate: boolean;
}

/**
 * State of the 对话 screen: the conversation list (searchable), the open
 * conversation's messages, and the answer being streamed. An answer is only
 * added to the messages once the core has saved it, so a stopped answer
 * disappears exactly as it does from the database.
 */
export function useChat() {
  const [conversations, setConversations] = useState<Conversation[]>([]);
  const [query, setQuery] = useState("");
  const [activeId, setActiveId] = useState<number | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [streaming, setStreaming] = useState<Streaming | null>(null);
  const controller = useRef<AbortController | null>(null);

  const reloadList = useCallback(async () => {
    setConversations(await api.call("assistant.conversations.list", query.trim() ? { query } : {}));
  }, [query]);

  useEffect(() => {
    void reloadList().catch(() => {});
  }, [reloadList]);

  const open = useCallback(async (id: number | null) => {
    setActiveId(id);
    setMessages(id === null ? [] : (await api.call("assistant.conversations.get", { id })).messages);
  }, []);

  const ask = useCallback(
    async (question: string, opts: Omit<AskOptions, "conversationId">) => {
      const c = new AbortController();
      controller.current = c;
      let jobId = "";
      const live: Streaming = { question, text: "", thought: "", regenerate: opts.regenerate };
      setStreaming({ ...live });
      const off = api.on("assistant.delta", (d) => {
        if (d.jobId !== jobId) return;
        if (d.type === "text") live.text += d.text;
        else live.thought += d.text;
        setStreaming({ ...live });
      });
      try {
        const r = await runJob("assistant.ask", askInput(question, { ...opts, conversationId: activeId }), { signal: c.signal, onJobId: (id) => (jobId = id) });
        setActiveId(r.conversationId);
        setMessages((await api.call("assistant.conversations.get", { id: r.conversationId })).messages);
        await reloadList();
      } finally {
        off();
        controller.current = null;
        setStreaming(null);
      }
    },
    [activeId, reloadList],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  return { conversations, query, setQuery, activeId, open, messages, streaming, ask, stop, reloadList };
}
