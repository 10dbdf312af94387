import { Form, InputNumber, Radio, Space } from "antd";
import { useTranslation } from "react-i18next";
import { isValidThreadCount, type SettingsFormValues } from "./settings-form";

/**
 * "Auto" or a fixed number of inference threads; the number box is only live
 * when fixed. `lockedReason`: the admin policy fixes the value (shown instead of help).
 */
export function ThreadsField({ lockedReason }: { lockedReason?: string | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<SettingsFormValues>();
  const mode = Form.useWatch("threadsMode", form);
  const fixed = mode === "fixed";
  return (
    <Form.Item
      label={t("settings.threads")}
      extra={lockedReason === undefined ? t("settings.threadsHelp") : <span data-testid="settings-locked-threads">{t("settings.lockedBy", { reason: lockedReason })}</span>}
      required={fixed}
    >
      <Space data-testid="settings-threads" wrap>
        <Form.Item name="threadsMode" noStyle>
          <Radio.Group
            data-testid="settings-threads-mode"
            disabled={lockedReason !== undefined}
            optionType="button"
            options={[
              { value: "auto", label: t("settings.threadsOptions.auto") },
              { value: "fixed", label: t("settings.threadsOptions.fixed") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="threadsCount"
          noStyle
          dependencies={["threadsMode"]}
          rules={[
            ({ getFieldValue }) => ({
              // Read the mode at validation time: "auto" ignores whatever the box holds.
              validator: (_rule, value: unknown) =>
                getFieldValue("threadsMode") !== "fixed" || isValidThreadCount(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("settings.threadsRange"))),
            }),
          ]}
        >
          {/* No min/max/precision on the box: it would quietly turn 999 into 64 (or 2.5 into 3) and save that. The rule refuses it instead. */}
          <InputNumber
            data-testid="settings-threads-count"
            aria-label={t("settings.threads")}
            disabled={!fixed || lockedReason !== undefined}
          />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}
