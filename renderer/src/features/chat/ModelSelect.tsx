import { Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";

/** Picks an imported model by its file path; empty means the default chat model. */
export function ModelSelect({ value, onChange, disabled, testId }: { value: string | null; onChange: (path: string | null) => void; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const [models, setModels] = useState<{ path: string; name: string }[]>([]);
  useEffect(() => {
    api.call("models.list", {}).then((r) => setModels(r.models.map((m) => ({ path: m.path, name: m.name }))), () => setModels([]));
  }, []);
  return (
    <Select
      style={{ minWidth: 180 }}
      data-testid={testId}
      disabled={disabled}
      value={value ?? ""}
      onChange={(v: string) => onChange(v || null)}
      options={[{ value: "", label: t("chat.defaultModel") }, ...models.map((m) => ({ value: m.path, label: m.name }))]}
    />
  );
}
