import { Sender } from "@ant-design/x";
import { App, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { MAX_QUESTION_CHARS } from "../../../../electron/common/contracts/assistant";
import type { SearchFiltersInput } from "../../../../electron/common/contracts/knowledge";
import { useSettingsStore } from "../../state/settings";
import { ChatFilters } from "./ChatFilters";

interface Props {
  draft: string;
  onDraft: (v: string) => void;
  onSend: (question: string) => void;
  onStop: () => void;
  streaming: boolean;
  disabled: boolean;
  /** 检索范围 only for a conversation over a knowledge base. */
  showFilters: boolean;
  filtersOpen: boolean;
  onFiltersOpen: (open: boolean) => void;
  filters: SearchFiltersInput;
  onFilters: (value: SearchFiltersInput, bad: boolean) => void;
}

/**
 * The input at the bottom: a character count against the limit (a question
 * over it is refused here with the rule, before it is sent), Enter or
 * Ctrl+Enter to send as the settings say, Esc to stop.
 */
export function ChatComposer(p: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const sendKey = useSettingsStore((s) => s.settings.sendKey);
  const over = p.draft.length > MAX_QUESTION_CHARS;
  const send = (v: string): void => {
    if (v.length > MAX_QUESTION_CHARS) {
      void message.error(t("chat.tooLong", { max: MAX_QUESTION_CHARS, count: v.length }));
      return;
    }
    p.onSend(v);
  };
  return (
    <Flex vertical gap={6} style={{ flex: "none" }}>
      {p.showFilters && <ChatFilters open={p.filtersOpen} onOpenChange={p.onFiltersOpen} value={p.filters} onChange={p.onFilters} />}
      <div data-testid="chat-sender">
        <Sender
          value={p.draft}
          onChange={(v) => p.onDraft(v)}
          onSubmit={send}
          onCancel={p.onStop}
          loading={p.streaming}
          disabled={p.disabled}
          placeholder={sendKey === "enter" ? t("chat.placeholder") : t("chat.placeholderCtrl")}
          submitType="enter"
          autoSize={{ minRows: 1, maxRows: 6 }}
          onKeyDown={(e) => {
            if (sendKey !== "ctrlEnter" || e.key !== "Enter") return;
            // Ctrl+Enter sends; a plain Enter is left to the text box (a new line).
            if (e.ctrlKey || e.metaKey) {
              e.preventDefault();
              if (p.draft.trim() && !p.streaming) send(p.draft);
            }
            return false;
          }}
        />
      </div>
      <Flex justify="space-between" gap="small" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {sendKey === "enter" ? t("shell.shortcuts.sendEnter") : t("shell.shortcuts.sendCtrlEnter")}
        </Typography.Text>
        <Typography.Text type={over ? "danger" : "secondary"} style={{ fontSize: 12 }} data-testid="chat-counter" aria-live="polite">
          {over ? t("chat.counterOver", { count: p.draft.length, max: MAX_QUESTION_CHARS }) : t("chat.counter", { count: p.draft.length, max: MAX_QUESTION_CHARS })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
