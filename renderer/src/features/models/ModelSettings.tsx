import { App, Button, Form, Input, InputNumber } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../api";
import { saveSettings, useSettingsStore } from "../../state/settings";
import { toModelPatch, toModelValues, type ModelSettingsValues } from "./model-settings-form";

/** Overrides of the automatic fit, idle unload, and the optional intranet server. */
export function ModelSettings({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useSettingsStore();
  const [form] = Form.useForm<ModelSettingsValues>();
  useEffect(() => form.setFieldsValue(toModelValues(settings)), [form, settings]);

  async function save(v: ModelSettingsValues): Promise<void> {
    try {
      await saveSettings(toModelPatch(v, useSettingsStore.getState().settings));
      void message.success(t("models.settings.saved"));
      onSaved();
    } catch (e) {
      void message.error(errorText(e, t("models.actions.failed")));
    }
  }

  return (
    <Form<ModelSettingsValues> form={form} layout="vertical" style={{ maxWidth: 560 }} initialValues={toModelValues(settings)} onFinish={(v) => void save(v)}>
      <Form.Item name="gpuLayers" label={t("models.settings.gpuLayers")} extra={t("models.settings.autoHint")}>
        <InputNumber min={0} max={1000} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="contextSize" label={t("models.settings.contextSize")} extra={t("models.settings.autoHint")}>
        <InputNumber min={256} max={1_048_576} step={1024} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="idleMinutes" label={t("models.settings.idleMinutes")} extra={t("models.settings.idleHint")}>
        <InputNumber min={0} max={1440} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="remoteUrl" label={t("models.settings.remoteUrl")} extra={t("models.settings.remoteHint")}>
        <Input placeholder="http://llm.intranet:8000/v1" />
      </Form.Item>
      <Form.Item name="remoteKey" label={t("models.settings.remoteKey")}>
        <Input.Password autoComplete="off" />
      </Form.Item>
      <Form.Item name="remoteChat" label={t("models.settings.remoteChat")}>
        <Input placeholder="qwen2.5-32b-instruct" />
      </Form.Item>
      <Form.Item name="remoteEmbedding" label={t("models.settings.remoteEmbedding")}>
        <Input placeholder="bge-m3" />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="models-settings-save">
        {t("models.settings.save")}
      </Button>
    </Form>
  );
}
