import { Alert, App, Button, Flex, type InputRef } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SearchFiltersInput } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";
import { Screen } from "../../components/Screen";
import { useCommands } from "../../state/commands";
import { useNavigation } from "../../state/navigation";
import { useSettingsStore } from "../../state/settings";
import { ChatComposer } from "./ChatComposer";
import { ChatHeader, PLAIN_CHAT } from "./ChatHeader";
import type { PreviewTarget } from "./CitationPreview";
import { ConversationList } from "./ConversationList";
import type { ChatOptionsValue } from "./ConversationSettings";
import { MessageList } from "./MessageList";
import { CitationPreview, ConversationSettings } from "./on-demand";
import { useChat } from "./use-chat";

const NO_OPTIONS: ChatOptionsValue = { systemPrompt: null, temperature: null };

/**
 * 对话: ask a knowledge base (answers stream in with citations that open the
 * cited page) or talk to the model directly; the screen fills the window so
 * the input stays at the bottom.
 */
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
  const [optionsOpen, setOptionsOpen] = useState(false);
  const [newOptions, setNewOptions] = useState<ChatOptionsValue>(NO_OPTIONS);
  const searchRef = useRef<InputRef>(null);
  const settings = useSettingsStore((s) => s.settings);
  const navigate = useNavigation((s) => s.navigate);
  const active = chat.conversations.find((c) => c.id === chat.activeId) ?? null;
  const currentKb = active ? (active.kb ?? PLAIN_CHAT) : (kb ?? PLAIN_CHAT);

  useEffect(() => {
    api.call("kb.list", {}).then(
      (r) => {
        const names = r.bases.map((b) => b.name);
        setKbs(names);
        setKb((cur) => cur ?? names[0] ?? PLAIN_CHAT);
      },
      () => setKbs([]),
    );
  }, []);

  // Ctrl+N and Ctrl+K from anywhere in the window (state/commands.ts).
  const { open } = chat;
  const newRequests = useCommands((s) => s.newConversation);
  const searchRequests = useCommands((s) => s.focusSearch);
  useEffect(() => {
    if (newRequests === 0) return;
    void open(null);
    setNewOptions(NO_OPTIONS);
  }, [newRequests, open]);
  useEffect(() => {
    if (searchRequests > 0) searchRef.current?.focus();
  }, [searchRequests]);

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

  async function send(question: string, how: { regenerate?: boolean; editOf?: number } = {}): Promise<void> {
    if (!question.trim() || chat.streaming) return;
    if (filters.bad && currentKb !== PLAIN_CHAT) {
      setFiltersOpen(true);
      void message.error(t("chat.filters.badDate"));
      return;
    }
    const fromDraft = !how.regenerate && how.editOf === undefined;
    if (fromDraft) setDraft("");
    try {
      await chat.ask(question, {
        kb: currentKb === PLAIN_CHAT ? null : currentKb,
        regenerate: how.regenerate ?? false,
        editOf: how.editOf,
        modelPath,
        filters: currentKb === PLAIN_CHAT ? {} : filters.value,
        ...(active ? {} : newOptions),
      });
      if (!active) setNewOptions(NO_OPTIONS);
    } catch (e) {
      if ((e as { code?: string }).code === "CANCELLED") void message.info(t("chat.stopped"));
      else void message.error(errorText(e, t("chat.failed")));
      if (fromDraft) setDraft(question);
    }
  }

  async function saveOptions(v: ChatOptionsValue): Promise<void> {
    if (!active) {
      setNewOptions(v);
      return;
    }
    await api.call("assistant.conversations.update", { id: active.id, systemPrompt: v.systemPrompt, temperature: v.temperature });
    await chat.reloadList();
  }

  const copy = (text: string): void => void navigator.clipboard?.writeText(text).then(() => message.success(t("chat.copied")), () => message.error(t("chat.copyFailed")));
  const noModel = !settings.defaultChatModelId && currentKb === PLAIN_CHAT && !modelPath;
  return (
    <Screen title={t("chat.title")} testId="chat-screen">
      <Flex gap="large" align="stretch" style={{ flex: 1, minHeight: 0 }}>
        <ConversationList
          items={chat.conversations}
          activeId={chat.activeId}
          query={chat.query}
          onQuery={chat.setQuery}
          onOpen={(id) => void chat.open(id).catch((e: unknown) => void message.error(errorText(e, t("chat.failed"))))}
          onChanged={chat.reloadList}
          searchRef={searchRef}
        />
        <Flex vertical gap="middle" style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
          <ChatHeader active={active} kbs={kbs} kb={currentKb} onKb={setKb} modelPath={modelPath} onModelPath={setModelPath} onOptions={() => setOptionsOpen(true)} />
          {noModel && (
            <Alert
              type="info"
              showIcon
              data-testid="chat-no-model"
              title={t("chat.noModelHint")}
              action={
                <Button size="small" onClick={() => navigate("models")}>
                  {t("chat.goModels")}
                </Button>
              }
            />
          )}
          <MessageList
            messages={chat.messages}
            streaming={chat.streaming}
            emptyHint={currentKb === PLAIN_CHAT ? t("chat.plainHint") : t("chat.emptyHint")}
            onCite={(c) => setPreview({ documentId: c.documentId, page: c.page, passage: c.snippet })}
            onCopy={copy}
            onRegenerate={(q) => void send(q, { regenerate: true })}
            onEdit={(id, text) => void send(text, { editOf: id })}
            onSelect={(id) => void chat.selectVersion(id).catch((e: unknown) => void message.error(errorText(e, t("chat.failed"))))}
            onDelete={(id) => void chat.removeMessage(id).catch((e: unknown) => void message.error(errorText(e, t("chat.failed"))))}
          />
          <ChatComposer
            draft={draft}
            onDraft={setDraft}
            onSend={(v) => void send(v)}
            onStop={chat.stop}
            streaming={chat.streaming !== null}
            disabled={false}
            showFilters={currentKb !== PLAIN_CHAT}
            filtersOpen={filtersOpen}
            onFiltersOpen={setFiltersOpen}
            filters={filters.value}
            onFilters={(value, bad) => setFilters({ value, bad })}
          />
        </Flex>
      </Flex>
      <ConversationSettings
        open={optionsOpen}
        value={active ? { systemPrompt: active.systemPrompt, temperature: active.temperature } : newOptions}
        defaults={{ systemPrompt: settings.chatSystemPrompt, temperature: settings.chatTemperature }}
        onClose={() => setOptionsOpen(false)}
        onSave={saveOptions}
      />
      <CitationPreview target={preview} onClose={() => setPreview(null)} />
    </Screen>
  );
}
