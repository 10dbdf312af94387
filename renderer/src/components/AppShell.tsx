import { Flex, Layout, Spin, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { resolveFeature } from "../features/registry";
import { checklistShown, welcomeShown } from "../features/guide/guide-shown";
import { useGuide, useGuideSync } from "../features/guide/use-guide";
import { useCommands } from "../state/commands";
import { useNavigation } from "../state/navigation";
import { useSettingsStore } from "../state/settings";
import { CoreBanner } from "./CoreBanner";
import { LazyWhen } from "./LazyWhen";
import { NavMenu } from "./NavMenu";
import { StatusBar } from "./StatusBar";
import { useGlobalShortcuts } from "./use-global-shortcuts";

// Loaded when first shown (Table, Steps, Card and Modal stay out of the window's first chunk).
const GuideChecklist = lazy(() => import("../features/guide/GuideChecklist").then((m) => ({ default: m.GuideChecklist })));
const GuideWelcome = lazy(() => import("../features/guide/GuideWelcome").then((m) => ({ default: m.GuideWelcome })));
const ShortcutsHelp = lazy(() => import("./ShortcutsHelp").then((m) => ({ default: m.ShortcutsHelp })));

/** The window: navigation on the side, the current screen, the status bar below. */
export function AppShell() {
  const { t } = useTranslation();
  const current = useNavigation((s) => s.current);
  const { Screen, fill } = resolveFeature(current);
  // The menu's labels grow with the font size (English ones are long): so does the side bar.
  const fontScale = useSettingsStore((s) => s.settings.fontScale);
  const guide = useGuide();
  const shortcutsOpen = useCommands((s) => s.shortcutsOpen);
  useGlobalShortcuts();
  useGuideSync();
  return (
    <Layout className="govdesk-shell">
      <Layout.Sider theme="light" width={Math.round((200 * fontScale) / 100)} breakpoint="md" collapsedWidth={0} className="govdesk-sider">
        <div className="govdesk-brand">
          <Typography.Text strong>{t("app.name")}</Typography.Text>
        </div>
        <NavMenu />
        <LazyWhen when={checklistShown(guide)}>
          <GuideChecklist />
        </LazyWhen>
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
      <LazyWhen when={welcomeShown(guide)}>
        <GuideWelcome />
      </LazyWhen>
      <LazyWhen when={shortcutsOpen}>
        <ShortcutsHelp />
      </LazyWhen>
    </Layout>
  );
}
