import { Alert, Button, Collapse, Descriptions, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ModelRuntime } from "../../../../electron/common/contracts/models";
import { api, errorText } from "../../api";
import { Screen } from "../../components/Screen";
import { loadAppInfo, useAppInfo } from "../../state/app-info";
import { aboutRows, runtimeRows, type AboutRow, type AboutValue } from "./about-rows";
import { Licenses } from "./Licenses";

/** Product, version, data directory, runtime versions and the llama.cpp backend, for users telling IT what they run; third-party licences. */
export function AboutPanel() {
  const { t } = useTranslation();
  const { info, error } = useAppInfo();
  const [runtime, setRuntime] = useState<{ data?: ModelRuntime; error?: string } | null>(null);
  const show = (v: AboutValue) => ("key" in v ? t(v.key) : v.text);

  useEffect(() => {
    api.call("models.runtime", {}).then(
      (data) => setRuntime({ data }),
      (e: unknown) => setRuntime({ error: errorText(e, t("about.runtimeFailed")) }),
    );
  }, [t]);

  const item = (row: AboutRow) => ({
    key: row.id,
    label: t(row.label),
    children:
      row.id === "dataDir" ? (
        <Typography.Text copyable={{ text: show(row.value) }} className="govdesk-break">
          <span data-testid={row.testId}>{show(row.value)}</span>
        </Typography.Text>
      ) : (
        <span data-testid={row.testId} className="govdesk-break">
          {show(row.value)}
        </span>
      ),
  });
  const runtimeItems = runtime?.data
    ? runtimeRows(runtime.data).map(item)
    : [{ key: "backend", label: t("about.backend"), children: runtime?.error ? <Typography.Text type="danger">{runtime.error}</Typography.Text> : <Spin size="small" /> }];

  return (
    <Screen title={t("about.title")} testId="about-panel">
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t("about.loadFailed")}
          description={error || undefined}
          action={<Button onClick={() => void loadAppInfo()}>{t("about.retry")}</Button>}
        />
      )}
      {info ? (
        <Descriptions
          title={t("app.name")}
          bordered
          column={1}
          size="small"
          styles={{ label: { width: "12em", whiteSpace: "nowrap" } }}
          items={[...aboutRows(info).map(item), ...runtimeItems]}
        />
      ) : (
        error === null && <Spin description={t("app.loading")} />
      )}
      <Collapse items={[{ key: "licenses", label: t("about.licenses"), children: <Licenses /> }]} data-testid="about-licenses-toggle" />
    </Screen>
  );
}
