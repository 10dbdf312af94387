import { Alert, Button, Spin } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Screen } from "../../components/Screen";
import { AuditPanel } from "./AuditPanel";
import { PolicyPanel } from "./PolicyPanel";
import { PacksPanel } from "./PacksPanel";
import { RedactPanel } from "./RedactPanel";
import { useLoad } from "../../components/use-load";

/** 管理: the admin policy in force (or why the app is locked), locked settings, the audit log, knowledge packs. */
export function AdminScreen() {
  const { t } = useTranslation();
  const loadPolicy = useCallback(() => api.call("policy.get", {}), []);
  const policy = useLoad(loadPolicy);

  return (
    <Screen title={t("admin.title")} testId="admin-screen">
      {policy.error !== null && (
        <Alert
          type="error"
          showIcon
          title={t("admin.loadFailed", { message: policy.error })}
          action={<Button onClick={() => void policy.reload()}>{t("admin.reload")}</Button>}
        />
      )}
      {policy.data ? <PolicyPanel status={policy.data} /> : policy.error === null && <Spin description={t("app.loading")} />}
      <AuditPanel />
      <PacksPanel />
      <RedactPanel />
    </Screen>
  );
}
