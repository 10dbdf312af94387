import { SettingOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Conversation } from "../../../../electron/common/contracts/assistant";
import { useSettingsStore } from "../../state/settings";
import { ModelSelect } from "./ModelSelect";

/** The value of the knowledge-base select that means "no knowledge base: talk to the model". */
export const PLAIN_CHAT = "";

interface Props {
  active: Conversation | null;
  kbs: string[] | null;
  kb: string;
  onKb: (kb: string) => void;
  modelPath: string | null;
  onModelPath: (path: string | null) => void;
  onOptions: () => void;
}

/** Above the messages: which knowledge base (or none), which model, the conversation's own settings. */
export function ChatHeader({ active, kbs, kb, onKb, modelPath, onModelPath, onOptions }: Props) {
  const { t } = useTranslation();
  const defaultChat = useSettingsStore((s) => s.settings.defaultChatModelId);
  const modelLabel = active?.modelName ?? (defaultChat ? t("chat.defaultModel") : t("chat.noModel"));
  return (
    <Flex gap="small" align="center" wrap>
      <Typography.Text id="chat-kb-label">{t("chat.kbLabel")}</Typography.Text>
      <Select
        style={{ minWidth: 200 }}
        data-testid="chat-kb"
        aria-labelledby="chat-kb-label"
        value={active ? (active.kb ?? PLAIN_CHAT) : kb}
        disabled={active !== null}
        onChange={onKb}
        options={[{ value: PLAIN_CHAT, label: t("chat.plainOption") }, ...(kbs ?? []).map((name) => ({ value: name, label: name }))]}
      />
      {active ? (
        <Typography.Text type="secondary" data-testid="chat-model-label">
          {t("chat.model", { name: modelLabel })}
        </Typography.Text>
      ) : (
        <ModelSelect value={modelPath} onChange={onModelPath} testId="chat-model" />
      )}
      <Button icon={<SettingOutlined />} onClick={onOptions} data-testid="chat-options-open">
        {t("chat.options.open")}
      </Button>
    </Flex>
  );
}
