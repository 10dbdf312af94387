import { Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useSettingsStore } from "../../state/settings";

/** Picks an imported model by its file path; empty means the default chat model (said plainly when none is set). */
export function ModelSelect({ value, onChange, disabled, testId }: { value: string | null; onChange: (path: string | null) => void; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const [models, setModels] = useState<{ path: string; name: string }[]>([]);
  const defaultChat = useSettingsStore((s) => s.settings.defaultChatModelId);
  useEffect(() => {
    api.call("models.list", {}).then((r) => setModels(r.models.filter((m) => m.roles.chat).map((m) => ({ path: m.path, name: m.name }))), () => setModels([]));
  }, []);
  return (
    <Select
      style={{ minWidth: 180 }}
      data-testid={testId}
      aria-label={t("chat.modelLabel")}
      disabled={disabled}
      value={value ?? ""}
      onChange={(v: string) => onChange(v || null)}
      options={[{ value: "", label: defaultChat ? t("chat.defaultModel") : t("chat.noModel") }, ...models.map((m) => ({ value: m.path, label: m.name }))]}
    />
  );
}
