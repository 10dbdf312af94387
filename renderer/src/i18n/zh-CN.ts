import { draftZhCN } from "../features/draft/messages";
import { adminZhCN } from "../features/admin/messages";
import { chatZhCN } from "../features/chat/messages";
import { summariseZhCN } from "../features/summarise/messages";
import { knowledgeZhCN } from "../features/knowledge/messages";
import { modelsZhCN } from "../features/models/messages";
import { pagePreviewZhCN, searchFiltersZhCN } from "../components/messages";
import { shellZhCN } from "../components/shell-messages";
import { guideZhCN } from "../features/guide/messages";
/**
 * Simplified Chinese, the default language. This file defines the keys:
 * en.ts is typed against it, so a key added here and forgotten there fails
 * the typecheck (and i18n.test.ts checks placeholders too).
 */
export const zhCN = {
  app: {
    name: "GovDesk 政务助手",
    loading: "正在加载…",
  },
  common: {
    browse: "浏览…",
  },
  nav: {
    label: "主导航",
    settings: "设置",
    about: "关于",
  },
  core: {
    label: "核心服务",
    state: {
      starting: "启动中",
      running: "运行中",
      restarting: "正在重启",
      failed: "已停止",
    },
  },
  status: {
    version: "版本",
    unknown: "—",
  },
  banner: {
    starting: {
      title: "正在连接核心服务…",
      description: "GovDesk 正在启动，请稍候。",
    },
    restarting: {
      title: "正在重新连接核心服务…",
      description: "核心服务暂时不可用，正在自动重试（第 {{attempt}} 次）。如有操作未完成，请在恢复后重新提交。",
    },
    failed: {
      title: "核心服务已停止",
      description: "请重启 GovDesk；如问题持续，请联系管理员。",
    },
    detail: "详细信息：{{message}}",
  },
  settings: {
    title: "设置",
    language: "界面语言",
    theme: "主题",
    fontScale: "字体大小",
    threads: "推理线程数",
    threadsHelp: "本地模型推理使用的 CPU 线程数。“自动”在每个模型首次加载时实测 1 个、物理核心数和逻辑核心数线程的生成速度，取最快者（换机器后重新实测，结果见“模型”详情）。",
    threadsRange: "请输入 1 到 64 之间的整数",
    save: "保存",
    saved: "设置已保存",
    lockedBy: "已由管理员锁定：{{reason}}",
    saveFailed: "保存设置失败",
    unsaved: "有未保存的更改",
    sendKey: "发送消息",
    chatSystemPrompt: "新对话的默认系统提示词",
    chatSystemPromptHelp: "直接对话时告诉模型它的角色和回答方式；留空则用内置的政务助手提示词。每个对话还可以在“对话设置”里单独指定。",
    chatSystemPromptTooLong: "系统提示词最多 4000 字",
    chatTemperature: "新对话的默认温度",
    chatTemperatureHelp: "0 到 2：越低越稳定，越高越多样。",
    chatTemperatureRange: "温度应在 0 到 2 之间",
    loadFailed: "无法读取设置",
    reload: "重新读取",
    languageOptions: {
      zhCN: "简体中文",
      en: "English",
    },
    themeOptions: {
      light: "浅色",
      dark: "深色",
    },
    fontScaleOptions: {
      normal: "标准",
      large: "较大",
      larger: "特大",
    },
    threadsOptions: {
      auto: "自动",
      fixed: "指定数量",
    },
  },
  models: modelsZhCN,
  knowledge: knowledgeZhCN,
  chat: chatZhCN,
  summarise: summariseZhCN,
  draft: draftZhCN,
  admin: adminZhCN,
  searchFilters: searchFiltersZhCN,
  pagePreview: pagePreviewZhCN,
  shell: shellZhCN,
  guide: guideZhCN,
  about: {
    title: "关于",
    productName: "产品名称",
    version: "版本",
    dataDir: "数据目录",
    corePid: "核心进程 PID",
    host: "运行方式",
    platform: "平台",
    node: "Node.js",
    electron: "Electron",
    chrome: "Chrome",
    sqlite: "SQLite",
    sqliteVec: "sqlite-vec",
    schemaVersion: "数据库结构版本",
    notApplicable: "不适用",
    backend: "推理后端（llama.cpp）",
    llamaCpp: "llama.cpp 版本",
    nodeLlamaCpp: "node-llama-cpp",
    runtimeFailed: "无法读取推理引擎信息",
    licenses: "第三方软件许可",
    licensesIntro: "GovDesk 使用了以下 {{count}} 个开源组件，点击每行前的 + 查看许可全文。",
    licensesSearch: "按名称查找",
    licensesMissing: "找不到许可清单（licenses.json），请重新安装 GovDesk。",
    licenseName: "组件",
    licenseVersion: "版本",
    licenseType: "许可",
    licenseText: "{{name}} 的许可全文",
    loadFailed: "无法读取应用信息",
    retry: "重试",
    hosts: {
      electron: "桌面应用（Electron）",
      serve: "浏览器（govdesk serve）",
      cli: "命令行",
      test: "测试环境",
    },
  },
} as const;

/** The shape every language must have: the same keys, string leaves. */
export type Messages = Widen<typeof zhCN>;
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** Dotted key of every string, e.g. "settings.title". */
export type MessageKey = Leaves<Messages>;
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
