import { Badge, Button, Flex, Space, Typography, type BadgeProps } from "antd";
import { useTranslation } from "react-i18next";
import type { CoreState } from "../../../electron/common/contract";
import { hostMode } from "../api";
import { useAppInfo } from "../state/app-info";
import { useCommands } from "../state/commands";
import { useCoreStore } from "../state/core";

const BADGE: Record<CoreState["state"], BadgeProps["status"]> = {
  starting: "processing",
  running: "success",
  restarting: "warning",
  failed: "error",
};

/**
 * The footer: core health (translated; in a browser it is the connection to
 * govdesk serve, which nothing restarts), the shortcut list, the app version.
 */
export function StatusBar() {
  const { t } = useTranslation();
  const state = useCoreStore((s) => s.core.state);
  const version = useAppInfo((s) => s.info?.version);
  const openShortcuts = useCommands((s) => s.setShortcutsOpen);
  return (
    <Flex justify="space-between" align="center" gap="middle" wrap>
      <Space size={6}>
        <Typography.Text type="secondary">{t("core.label")}</Typography.Text>
        <Badge status={BADGE[state]} />
        <Typography.Text type="secondary" data-testid="core-state" data-state={state} role="status">
          {hostMode === "serve" ? t(`shell.serveState.${state}`) : t(`core.state.${state}`)}
        </Typography.Text>
      </Space>
      <Space size="middle">
        <Button type="link" size="small" onClick={() => openShortcuts(true)} data-testid="shortcuts-open">
          {t("shell.shortcuts.open")}
        </Button>
        <Typography.Text type="secondary">
          {t("status.version")} <span data-testid="app-version">{version ?? t("status.unknown")}</span>
        </Typography.Text>
      </Space>
    </Flex>
  );
}
