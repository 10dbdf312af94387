import { Alert, Button, Descriptions, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Screen } from "../../components/Screen";
import { loadAppInfo, useAppInfo } from "../../state/app-info";
import { aboutRows, type AboutValue } from "./about-rows";

/** Product, version, data directory and runtime versions, for users telling IT what they run. */
export function AboutPanel() {
  const { t } = useTranslation();
  const { info, error } = useAppInfo();
  const show = (v: AboutValue) => ("key" in v ? t(v.key) : v.text);

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
          styles={{ label: { width: "14em" } }}
          items={aboutRows(info).map((row) => ({
            key: row.id,
            label: t(row.label),
            children:
              row.id === "dataDir" ? (
                <Typography.Text copyable={{ text: show(row.value) }}>
                  <span data-testid={row.testId}>{show(row.value)}</span>
                </Typography.Text>
              ) : (
                <span data-testid={row.testId}>{show(row.value)}</span>
              ),
          }))}
        />
      ) : (
        error === null && <Spin description={t("app.loading")} />
      )}
    </Screen>
  );
}
