import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Settings } from "../../../electron/common/settings";
import { en } from "./en";
import { zhCN } from "./zh-CN";

export type Language = Settings["language"];

/**
 * i18next with both languages bundled (the app is offline: nothing is
 * fetched). zh-CN is the default and the fallback; the `language` setting
 * switches it through applyLanguage().
 */
void i18n.use(initReactI18next).init({
  resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
  lng: "zh-CN",
  fallbackLng: "zh-CN",
  supportedLngs: ["zh-CN", "en"],
  interpolation: { escapeValue: false }, // React escapes already
  initAsync: false,
  returnNull: false,
});

export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

export { i18n };
