import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Slider, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../api";
import { useLockedSettings } from "../settings/use-locked-settings";

export interface ChatOptionsValue {
  systemPrompt: string | null;
  temperature: number | null;
}

interface Props {
  open: boolean;
  value: ChatOptionsValue;
  /** The defaults from the settings (shown when the conversation has none of its own). */
  defaults: { systemPrompt: string; temperature: number };
  onClose: () => void;
  onSave: (v: ChatOptionsValue) => Promise<void>;
}

/**
 * A conversation's own system prompt and temperature. Empty or "default"
 * means the settings' defaults; a value IT's policy locks is shown with the
 * reason and cannot be changed here.
 */
export function ConversationSettings({ open, value, defaults, onClose, onSave }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locked = useLockedSettings();
  const promptLock = locked.get("chatSystemPrompt");
  const tempLock = locked.get("chatTemperature");
  const [prompt, setPrompt] = useState(value.systemPrompt ?? "");
  const [temperature, setTemperature] = useState<number | null>(value.temperature);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    setPrompt(value.systemPrompt ?? "");
    setTemperature(value.temperature);
  }, [open, value.systemPrompt, value.temperature]);

  async function save(): Promise<void> {
    setSaving(true);
    try {
      await onSave({
        systemPrompt: promptLock !== undefined ? null : prompt.trim() || null,
        temperature: tempLock !== undefined ? null : temperature,
      });
      onClose();
    } catch (e) {
      void message.error(errorText(e, t("chat.failed")));
    } finally {
      setSaving(false);
    }
  }

  const shownTemp = temperature ?? defaults.temperature;
  return (
    <Modal open={open} title={t("chat.options.title")} onCancel={onClose} onOk={() => void save()} confirmLoading={saving} okText={t("chat.options.save")} destroyOnHidden>
      <Form layout="vertical" data-testid="chat-options">
        <Form.Item
          label={t("chat.options.systemPrompt")}
          extra={promptLock !== undefined ? <span data-testid="chat-options-locked">{t("settings.lockedBy", { reason: promptLock })}</span> : t("chat.options.systemPromptHelp")}
        >
          <Input.TextArea
            value={promptLock !== undefined ? defaults.systemPrompt : prompt}
            onChange={(e) => setPrompt(e.target.value)}
            disabled={promptLock !== undefined}
            placeholder={defaults.systemPrompt || t("chat.options.builtInPrompt")}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={4000}
            showCount
            aria-label={t("chat.options.systemPrompt")}
            data-testid="chat-options-prompt"
          />
        </Form.Item>
        <Form.Item
          label={t("chat.options.temperature")}
          extra={tempLock !== undefined ? t("settings.lockedBy", { reason: tempLock }) : t("chat.options.temperatureHelp")}
        >
          <Flex gap="middle" align="center">
            <Slider
              style={{ flex: 1 }}
              min={0}
              max={2}
              step={0.1}
              value={tempLock !== undefined ? defaults.temperature : shownTemp}
              disabled={tempLock !== undefined}
              onChange={(v: number) => setTemperature(v)}
              ariaLabelForHandle={t("chat.options.temperature")}
            />
            <InputNumber
              min={0}
              max={2}
              step={0.1}
              value={tempLock !== undefined ? defaults.temperature : shownTemp}
              disabled={tempLock !== undefined}
              onChange={(v) => setTemperature(typeof v === "number" ? v : null)}
              aria-label={t("chat.options.temperature")}
              data-testid="chat-options-temperature"
            />
          </Flex>
        </Form.Item>
        {(value.systemPrompt !== null || value.temperature !== null) && (
          <Button size="small" onClick={() => (setPrompt(""), setTemperature(null))}>
            {t("chat.options.reset")}
          </Button>
        )}
        {promptLock !== undefined && tempLock !== undefined && <Alert type="info" showIcon title={t("chat.options.allLocked")} />}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t("chat.options.note")}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
