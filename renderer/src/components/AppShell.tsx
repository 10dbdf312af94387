import { Flex, Layout, Spin, Typography } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { resolveFeature } from "../features/registry";
import { GuideChecklist } from "../features/guide/GuideChecklist";
import { GuideWelcome } from "../features/guide/GuideWelcome";
import { useGuideSync } from "../features/guide/use-guide";
import { useNavigation } from "../state/navigation";
import { useSettingsStore } from "../state/settings";
import { CoreBanner } from "./CoreBanner";
import { NavMenu } from "./NavMenu";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { StatusBar } from "./StatusBar";
import { useGlobalShortcuts } from "./use-global-shortcuts";

/** The window: navigation on the side, the current screen, the status bar below. */
export function AppShell() {
  const { t } = useTranslation();
  const current = useNavigation((s) => s.current);
  const { Screen, fill } = resolveFeature(current);
  // The menu's labels grow with the font size (English ones are long): so does the side bar.
  const fontScale = useSettingsStore((s) => s.settings.fontScale);
  useGlobalShortcuts();
  useGuideSync();
  return (
    <Layout className="govdesk-shell">
      <Layout.Sider theme="light" width={Math.round((200 * fontScale) / 100)} breakpoint="md" collapsedWidth={0} className="govdesk-sider">
        <div className="govdesk-brand">
          <Typography.Text strong>{t("app.name")}</Typography.Text>
        </div>
        <NavMenu />
        <GuideChecklist />
      </Layout.Sider>
      <Layout className="govdesk-main">
        <Layout.Content className={fill ? "govdesk-content govdesk-content--fill" : "govdesk-content"} data-testid="app-content">
          <Flex vertical gap="middle" className="govdesk-stack">
            <CoreBanner />
            <Suspense fallback={<Spin />}>
              <Screen />
            </Suspense>
          </Flex>
        </Layout.Content>
        <Layout.Footer className="govdesk-footer">
          <StatusBar />
        </Layout.Footer>
      </Layout>
      <GuideWelcome />
      <ShortcutsHelp />
    </Layout>
  );
}
