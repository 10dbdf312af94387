import { Alert, App, Button, Form, Radio } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../api";
import { Screen } from "../../components/Screen";
import { loadSettings, saveSettings, useSettingsStore } from "../../state/settings";
import { FONT_SCALES, toFormValues, toPatch, type SettingsFormValues } from "./settings-form";
import { ThreadsField } from "./ThreadsField";
import { useLockedSettings } from "./use-locked-settings";

/**
 * Edit the user's settings. The form mirrors the settings store, which
 * follows `settings.changed`, so a change saved in another window shows
 * here too; saving applies the result app-wide through the same store.
 */
export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsFormValues>();
  const { settings, loaded, loadError } = useSettingsStore();
  const [saving, setSaving] = useState(false);
  const locked = useLockedSettings();
  // A setting the admin policy locks is shown disabled, with the policy's reason.
  const lockProps = (key: string) => {
    const reason = locked.get(key);
    return reason === undefined ? {} : { extra: <span data-testid={`settings-locked-${key}`}>{t("settings.lockedBy", { reason })}</span> };
  };

  useEffect(() => {
    form.setFieldsValue(toFormValues(settings));
  }, [form, settings]);

  async function save(values: SettingsFormValues): Promise<void> {
    setSaving(true);
    try {
      await saveSettings(toPatch(values));
      // i18n.t, not t: saving may just have switched the language, and t is bound to the old one.
      void message.success(i18n.t("settings.saved"));
    } catch (e) {
      void message.error(errorText(e, i18n.t("settings.saveFailed")));
    } finally {
      setSaving(false);
    }
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
        onFinish={(v) => void save(v)}
        style={{ maxWidth: 560 }}
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
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} disabled={!loaded} data-testid="settings-save">
            {t("settings.save")}
          </Button>
        </Form.Item>
      </Form>
    </Screen>
  );
}
