import { Flex, Layout, Spin, Typography } from "antd";
import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { resolveFeature } from "../features/registry";
import { useNavigation } from "../state/navigation";
import { CoreBanner } from "./CoreBanner";
import { NavMenu } from "./NavMenu";
import { StatusBar } from "./StatusBar";

/** The window: navigation on the side, the current screen, the status bar below. */
export function AppShell() {
  const { t } = useTranslation();
  const current = useNavigation((s) => s.current);
  const { Screen } = resolveFeature(current);
  return (
    <Layout className="govdesk-shell">
      <Layout.Sider theme="light" width={200} breakpoint="md" collapsedWidth={0} className="govdesk-sider">
        <div className="govdesk-brand">
          <Typography.Text strong>{t("app.name")}</Typography.Text>
        </div>
        <NavMenu />
      </Layout.Sider>
      <Layout className="govdesk-main">
        <Layout.Content className="govdesk-content">
          <Flex vertical gap="middle">
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
    </Layout>
  );
}
