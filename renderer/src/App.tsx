import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { useMemo } from "react";
import { AppShell } from "./components/AppShell";
import { themeConfig } from "./components/theme";
import { useSettingsStore } from "./state/settings";

/**
 * Applies the user's settings app-wide: antd's locale and theme come from
 * the same store whose language change also switches i18next (see
 * state/connect.ts), so both languages flip in one render.
 */
export function App() {
  const language = useSettingsStore((s) => s.settings.language);
  const themeName = useSettingsStore((s) => s.settings.theme);
  const fontScale = useSettingsStore((s) => s.settings.fontScale);
  const theme = useMemo(() => themeConfig({ theme: themeName, fontScale }), [themeName, fontScale]);
  // No space put between two-character labels ("新 建"): every button reads the same.
  return (
    <ConfigProvider locale={language === "en" ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp className="govdesk-app">
        <AppShell />
      </AntApp>
    </ConfigProvider>
  );
}
