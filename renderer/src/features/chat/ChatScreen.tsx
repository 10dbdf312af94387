import { Sender } from "@ant-design/x";
import { Alert, App, Flex, Select, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SearchFiltersInput } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";
import { Screen } from "../../components/Screen";
import { ChatFilters } from "./ChatFilters";
import { CitationPreview, type PreviewTarget } from "./CitationPreview";
import { ConversationList } from "./ConversationList";
import { MessageBubble } from "./MessageBubble";
import { ModelSelect } from "./ModelSelect";
import { useChat } from "./use-chat";

/** 对话: ask a knowledge base; answers stream in with citations that open the cited page. */
export function ChatScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const chat = useChat();
  const [kbs, setKbs] = useState<string[] | null>(null);
  const [kb, setKb] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [modelPath, setModelPath] = useState<string | null>(null);
  const [filters, setFilters] = useState<{ value: SearchFiltersInput; bad: boolean }>({ value: {}, bad: false });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const bottom = useRef<HTMLDivElement>(null);
  const active = chat.conversations.find((c) => c.id === chat.activeId) ?? null;

  useEffect(() => {
    api.call("kb.list", {}).then(
      (r) => {
        const names = r.bases.map((b) => b.name);
        setKbs(names);
        setKb((cur) => cur ?? names[0] ?? null);
      },
      () => setKbs([]),
    );
  }, []);

  // Esc stops the answer being generated, wherever the focus is.
  const { streaming, stop } = chat;
  useEffect(() => {
    if (!streaming) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === "Escape") stop();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [streaming, stop]);

  useEffect(() => {
    bottom.current?.scrollIntoView?.({ block: "end" });
  }, [chat.messages, chat.streaming?.text]);

  async function send(question: string, regenerate = false): Promise<void> {
    if (!question.trim() || chat.streaming) return;
    if (filters.bad) {
      setFiltersOpen(true);
      void message.error(t("chat.filters.badDate"));
      return;
    }
    setDraft("");
    try {
      await chat.ask(question, { kb: active?.kb ?? kb, regenerate, modelPath, filters: filters.value });
    } catch (e) {
      const text = errorText(e, t("chat.failed"));
      if ((e as { code?: string }).code === "CANCELLED") void message.info(t("chat.stopped"));
      else void message.error(text);
      if (!regenerate) setDraft(question);
    }
  }

  const lastAnswer = chat.messages.findLast((m) => m.role === "assistant");
  return (
    <Screen title={t("chat.title")} testId="chat-screen">
      <Flex gap="large" align="stretch" style={{ minHeight: 480 }}>
        <ConversationList
          items={chat.conversations}
          activeId={chat.activeId}
          query={chat.query}
          onQuery={chat.setQuery}
          onOpen={(id) => void chat.open(id).catch((e: unknown) => void message.error(errorText(e, t("chat.failed"))))}
          onChanged={chat.reloadList}
        />
        <Flex vertical gap="middle" style={{ flex: 1, minWidth: 0 }}>
          <Flex gap="small" align="center">
            <Typography.Text>{t("chat.kbLabel")}</Typography.Text>
            <Select
              style={{ minWidth: 200 }}
              data-testid="chat-kb"
              placeholder={t("chat.kbPlaceholder")}
              value={active ? active.kb : kb}
              disabled={active !== null}
              onChange={(v: string) => setKb(v)}
              options={(kbs ?? []).map((name) => ({ value: name, label: name }))}
            />
            {active ? (
              <Typography.Text type="secondary">{t("chat.model", { name: active.modelName ?? t("chat.defaultModel") })}</Typography.Text>
            ) : (
              <ModelSelect value={modelPath} onChange={setModelPath} testId="chat-model" />
            )}
          </Flex>
          {kbs !== null && kbs.length === 0 && <Alert type="info" showIcon title={t("chat.noKb")} />}
          <Flex vertical gap="middle" style={{ flex: 1, overflowY: "auto", maxHeight: "60vh" }} data-testid="chat-messages">
            {chat.messages.length === 0 && !chat.streaming && <Typography.Text type="secondary">{t("chat.emptyHint")}</Typography.Text>}
            {chat.messages
              .filter((m) => !(chat.streaming?.regenerate && m.id === lastAnswer?.id))
              .map((m) => (
                <MessageBubble
                  key={m.id}
                  role={m.role}
                  content={m.content}
                  thought={m.thought}
                  citations={m.citations}
                  method={m.method}
                  onCite={(c) => setPreview({ documentId: c.documentId, page: c.page, passage: c.snippet })}
                  onCopy={() => void navigator.clipboard?.writeText(m.content).then(() => message.success(t("chat.copied")))}
                  onRegenerate={m.id === lastAnswer?.id && !chat.streaming ? () => void send(chat.messages.at(-2)?.content ?? "", true) : undefined}
                />
              ))}
            {chat.streaming && (
              <>
                {!chat.streaming.regenerate && <MessageBubble role="user" content={chat.streaming.question} />}
                <MessageBubble role="assistant" content={chat.streaming.text} thought={chat.streaming.thought} streaming />
              </>
            )}
            <div ref={bottom} />
          </Flex>
          <ChatFilters open={filtersOpen} onOpenChange={setFiltersOpen} value={filters.value} onChange={(value, bad) => setFilters({ value, bad })} />
          <div data-testid="chat-sender">
          <Sender
            value={draft}
            onChange={(v) => setDraft(v)}
            onSubmit={(v) => void send(v)}
            onCancel={chat.stop}
            loading={chat.streaming !== null}
            disabled={!active && !kb}
            placeholder={t("chat.placeholder")}
            submitType="enter"
            autoSize={{ minRows: 1, maxRows: 6 }}
          />
          </div>
        </Flex>
      </Flex>
      <CitationPreview target={preview} onClose={() => setPreview(null)} />
    </Screen>
  );
}
