import { draftEn } from "../features/draft/messages";
import { adminEn } from "../features/admin/messages";
import { chatEn } from "../features/chat/messages";
import { summariseEn } from "../features/summarise/messages";
import { knowledgeEn } from "../features/knowledge/messages";
import { modelsEn } from "../features/models/messages";
import { pagePreviewEn, searchFiltersEn } from "../components/messages";
import { shellEn } from "../components/shell-messages";
import { guideEn } from "../features/guide/messages";
import type { Messages } from "./zh-CN";

/** English. Typed as Messages: missing or extra keys fail the typecheck. */
export const en: Messages = {
  app: {
    name: "GovDesk 政务助手",
    loading: "Loading…",
  },
  common: {
    browse: "Browse…",
  },
  nav: {
    label: "Main navigation",
    settings: "Settings",
    about: "About",
  },
  core: {
    label: "Core service",
    state: {
      starting: "Starting",
      running: "Running",
      restarting: "Restarting",
      failed: "Stopped",
    },
  },
  status: {
    version: "Version",
    unknown: "—",
  },
  banner: {
    starting: {
      title: "Connecting to the core service…",
      description: "GovDesk is starting, please wait.",
    },
    restarting: {
      title: "Reconnecting to the core service…",
      description:
        "The core service is temporarily unavailable; retrying automatically (attempt {{attempt}}). Submit any unfinished action again once it is back.",
    },
    failed: {
      title: "The core service has stopped",
      description: "Please restart GovDesk. If the problem persists, contact your administrator.",
    },
    detail: "Details: {{message}}",
  },
  settings: {
    title: "Settings",
    language: "Interface language",
    theme: "Theme",
    fontScale: "Font size",
    threads: "Inference threads",
    threadsHelp: "CPU threads used for local model inference. \"Auto\" measures generation speed at 1 thread, the physical cores and the logical cores when a model is first loaded, and uses the fastest (measured again on a new machine; see the model's details).",
    threadsRange: "Enter a whole number from 1 to 64",
    save: "Save",
    saved: "Settings saved",
    lockedBy: "Locked by your administrator: {{reason}}",
    saveFailed: "Could not save the settings",
    unsaved: "Unsaved changes",
    sendKey: "Sending messages",
    chatSystemPrompt: "Default system prompt of new conversations",
    chatSystemPromptHelp: "Tells the model its role and how to answer in a plain chat; empty uses the built-in GovDesk prompt. Each conversation can set its own under Conversation settings.",
    chatSystemPromptTooLong: "At most 4000 characters",
    chatTemperature: "Default temperature of new conversations",
    chatTemperatureHelp: "0 to 2: lower is steadier, higher more varied.",
    chatTemperatureRange: "The temperature must be between 0 and 2",
    loadFailed: "Could not read the settings",
    reload: "Reload",
    languageOptions: {
      zhCN: "简体中文",
      en: "English",
    },
    themeOptions: {
      light: "Light",
      dark: "Dark",
    },
    fontScaleOptions: {
      normal: "Normal",
      large: "Large",
      larger: "Larger",
    },
    threadsOptions: {
      auto: "Auto",
      fixed: "Fixed number",
    },
  },
  models: modelsEn,
  knowledge: knowledgeEn,
  chat: chatEn,
  summarise: summariseEn,
  draft: draftEn,
  admin: adminEn,
  searchFilters: searchFiltersEn,
  pagePreview: pagePreviewEn,
  shell: shellEn,
  guide: guideEn,
  about: {
    title: "About",
    productName: "Product",
    version: "Version",
    dataDir: "Data directory",
    corePid: "Core process PID",
    host: "Running as",
    platform: "Platform",
    node: "Node.js",
    electron: "Electron",
    chrome: "Chrome",
    sqlite: "SQLite",
    sqliteVec: "sqlite-vec",
    schemaVersion: "Database schema version",
    notApplicable: "n/a",
    backend: "Inference backend (llama.cpp)",
    llamaCpp: "llama.cpp version",
    nodeLlamaCpp: "node-llama-cpp",
    runtimeFailed: "Could not read the inference engine's details",
    licenses: "Third-party licences",
    licensesIntro: "GovDesk uses these {{count}} open-source components; click + before a row for the full licence.",
    licensesSearch: "Find by name",
    licensesMissing: "The licence list (licenses.json) is missing: reinstall GovDesk.",
    licenseName: "Component",
    licenseVersion: "Version",
    licenseType: "Licence",
    licenseText: "Full licence of {{name}}",
    loadFailed: "Could not read the application information",
    retry: "Retry",
    hosts: {
      electron: "Desktop app (Electron)",
      serve: "Browser (govdesk serve)",
      cli: "Command line",
      test: "Test environment",
    },
  },
};
