import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Radio } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../api";
import { Screen } from "../../components/Screen";
import { useNavigation } from "../../state/navigation";
import { loadSettings, saveSettings, useSettingsStore } from "../../state/settings";
import type { FeatureId } from "../ids";
import { FONT_SCALES, isDirty, toFormValues, toPatch, type SettingsFormValues } from "./settings-form";
import { ThreadsField } from "./ThreadsField";
import { useLockedSettings } from "./use-locked-settings";

/**
 * Edit the user's settings. The form mirrors the settings store, which
 * follows `settings.changed`, so a change saved in another window shows
 * here too; saving applies the result app-wide through the same store.
 * Leaving with unsaved changes asks whether to save them.
 */
export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsFormValues>();
  const { settings, loaded, loadError } = useSettingsStore();
  const [saving, setSaving] = useState(false);
  const [leaving, setLeaving] = useState<FeatureId | null>(null);
  const locked = useLockedSettings();
  const values = Form.useWatch([], form) as SettingsFormValues | undefined;
  const dirty = loaded && values !== undefined && isDirty({ ...toFormValues(settings), ...values }, settings);
  const setLeaveGuard = useNavigation((s) => s.setLeaveGuard);
  const go = useNavigation((s) => s.go);
  // A setting the admin policy locks is shown disabled, with the policy's reason.
  const lockProps = (key: string) => {
    const reason = locked.get(key);
    return reason === undefined ? {} : { extra: <span data-testid={`settings-locked-${key}`}>{t("settings.lockedBy", { reason })}</span> };
  };

  useEffect(() => {
    form.setFieldsValue(toFormValues(settings));
  }, [form, settings]);

  useEffect(() => {
    if (!dirty) return setLeaveGuard(null);
    setLeaveGuard((next) => {
      setLeaving(next);
      return false;
    });
    return () => setLeaveGuard(null);
  }, [dirty, setLeaveGuard]);

  async function save(v: SettingsFormValues): Promise<boolean> {
    setSaving(true);
    try {
      await saveSettings(toPatch(v));
      // i18n.t, not t: saving may just have switched the language, and t is bound to the old one.
      void message.success(i18n.t("settings.saved"));
      return true;
    } catch (e) {
      void message.error(errorText(e, i18n.t("settings.saveFailed")));
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function saveAndLeave(): Promise<void> {
    const next = leaving;
    setLeaving(null);
    try {
      const v = await form.validateFields();
      if ((await save({ ...toFormValues(settings), ...v })) && next) {
        setLeaveGuard(null);
        go(next);
      }
    } catch {
      // The form shows what is wrong; the user stays to fix it.
    }
  }

  function discardAndLeave(): void {
    const next = leaving;
    setLeaving(null);
    form.setFieldsValue(toFormValues(settings));
    setLeaveGuard(null);
    if (next) go(next);
  }

  return (
    <Screen title={t("settings.title")} testId="settings-screen">
      {loadError !== null && (
        <Alert
          type="error"
          showIcon
          title={t("settings.loadFailed")}
          description={loadError || undefined}
          action={<Button onClick={() => void loadSettings()}>{t("settings.reload")}</Button>}
        />
      )}
      <Form<SettingsFormValues>
        form={form}
        layout="vertical"
        initialValues={toFormValues(settings)}
        onFinish={(v) => void save({ ...toFormValues(settings), ...v })}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="language" label={t("settings.language")} {...lockProps("language")}>
          <Radio.Group
            data-testid="settings-language"
            disabled={locked.has("language")}
            optionType="button"
            options={[
              { value: "zh-CN", label: t("settings.languageOptions.zhCN") },
              { value: "en", label: t("settings.languageOptions.en") },
            ]}
          />
        </Form.Item>
        <Form.Item name="theme" label={t("settings.theme")} {...lockProps("theme")}>
          <Radio.Group
            data-testid="settings-theme"
            disabled={locked.has("theme")}
            optionType="button"
            options={[
              { value: "light", label: t("settings.themeOptions.light") },
              { value: "dark", label: t("settings.themeOptions.dark") },
            ]}
          />
        </Form.Item>
        <Form.Item name="fontScale" label={t("settings.fontScale")} {...lockProps("fontScale")}>
          <Radio.Group
            data-testid="settings-font-scale"
            disabled={locked.has("fontScale")}
            optionType="button"
            options={FONT_SCALES.map((f) => ({ value: f.value, label: `${t(f.labelKey)} ${f.value}%` }))}
          />
        </Form.Item>
        <ThreadsField lockedReason={locked.get("threads")} />
        <Form.Item name="sendKey" label={t("settings.sendKey")} {...lockProps("sendKey")}>
          <Radio.Group
            data-testid="settings-send-key"
            disabled={locked.has("sendKey")}
            options={[
              { value: "enter", label: t("shell.shortcuts.sendEnter") },
              { value: "ctrlEnter", label: t("shell.shortcuts.sendCtrlEnter") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="chatSystemPrompt"
          label={t("settings.chatSystemPrompt")}
          extra={locked.has("chatSystemPrompt") ? <span data-testid="settings-locked-chatSystemPrompt">{t("settings.lockedBy", { reason: locked.get("chatSystemPrompt") })}</span> : t("settings.chatSystemPromptHelp")}
          rules={[{ max: 4000, message: t("settings.chatSystemPromptTooLong") }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} disabled={locked.has("chatSystemPrompt")} placeholder={t("chat.options.builtInPrompt")} data-testid="settings-chat-prompt" />
        </Form.Item>
        <Form.Item
          name="chatTemperature"
          label={t("settings.chatTemperature")}
          extra={locked.has("chatTemperature") ? t("settings.lockedBy", { reason: locked.get("chatTemperature") }) : t("settings.chatTemperatureHelp")}
          rules={[{ type: "number", min: 0, max: 2, message: t("settings.chatTemperatureRange") }]}
        >
          <InputNumber step={0.1} disabled={locked.has("chatTemperature")} data-testid="settings-chat-temperature" />
        </Form.Item>
        <Form.Item>
          <Flex gap="small" align="center">
            <Button type="primary" htmlType="submit" loading={saving} disabled={!loaded} data-testid="settings-save">
              {t("settings.save")}
            </Button>
            {dirty && (
              <span data-testid="settings-dirty" style={{ color: "#ad6800" }}>
                {t("settings.unsaved")}
              </span>
            )}
          </Flex>
        </Form.Item>
      </Form>
      <Modal
        open={leaving !== null}
        title={t("shell.unsaved.title")}
        onCancel={() => setLeaving(null)}
        footer={[
          <Button key="stay" onClick={() => setLeaving(null)} data-testid="settings-leave-stay">
            {t("shell.unsaved.stay")}
          </Button>,
          <Button key="discard" danger onClick={discardAndLeave} data-testid="settings-leave-discard">
            {t("shell.unsaved.discard")}
          </Button>,
          <Button key="save" type="primary" onClick={() => void saveAndLeave()} data-testid="settings-leave-save">
            {t("shell.unsaved.save")}
          </Button>,
        ]}
      >
        <span data-testid="settings-leave">{t("shell.unsaved.text")}</span>
      </Modal>
    </Screen>
  );
}
