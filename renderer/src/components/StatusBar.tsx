import { Badge, Flex, Space, Typography, type BadgeProps } from "antd";
import { useTranslation } from "react-i18next";
import type { CoreState } from "../../../electron/common/contract";
import { useAppInfo } from "../state/app-info";
import { useCoreStore } from "../state/core";

const BADGE: Record<CoreState["state"], BadgeProps["status"]> = {
  starting: "processing",
  running: "success",
  restarting: "warning",
  failed: "error",
};

/** The footer: core health (translated) and the app version from `app.info`. */
export function StatusBar() {
  const { t } = useTranslation();
  const state = useCoreStore((s) => s.core.state);
  const version = useAppInfo((s) => s.info?.version);
  return (
    <Flex justify="space-between" align="center" gap="middle" wrap>
      <Space size={6}>
        <Typography.Text type="secondary">{t("core.label")}</Typography.Text>
        <Badge status={BADGE[state]} />
        <Typography.Text type="secondary" data-testid="core-state" data-state={state} role="status">
          {t(`core.state.${state}`)}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {t("status.version")} <span data-testid="app-version">{version ?? t("status.unknown")}</span>
      </Typography.Text>
    </Flex>
  );
}
