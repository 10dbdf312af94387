import { BookOutlined, CloudServerOutlined, EditOutlined, FileTextOutlined, InfoCircleOutlined, MessageOutlined, SafetyCertificateOutlined, SettingOutlined } from "@ant-design/icons";
import { lazy, type ComponentType } from "react";
import type { MessageKey } from "../i18n/zh-CN";
import type { FeatureId } from "./ids";
import { ChatScreen } from "./chat/ChatScreen";
import { pickFeature } from "./resolve";

/*
 * 对话, the screen every start opens on (the screen shown is not kept between
 * starts), comes with the window's first chunk. Loaded as chunks of its own it
 * cost a second round of requests while the shell rendered, and a second
 * commit once they arrived, after React's Suspense fallback: paired on this
 * machine, first screen ~1.8 s that way, ~1.45 s this way (issue 15:
 * start-up). Its parts that the first view does not show load on demand
 * (chat/on-demand.tsx).
 *
 * Every other screen's code loads when the screen is first shown (the shell
 * renders it inside Suspense), and preloadScreens fetches them one at a time
 * once the window is idle, so a click on the menu does not wait for the
 * network or the parser.
 */
const loaders = {
  summarise: () => import("./summarise/SummariseScreen").then((m) => ({ default: m.SummariseScreen })),
  draft: () => import("./draft/DraftScreen").then((m) => ({ default: m.DraftScreen })),
  knowledge: () => import("./knowledge/KnowledgeScreen").then((m) => ({ default: m.KnowledgeScreen })),
  models: () => import("./models/ModelsScreen").then((m) => ({ default: m.ModelsScreen })),
  settings: () => import("./settings/SettingsScreen").then((m) => ({ default: m.SettingsScreen })),
  admin: () => import("./admin/AdminScreen").then((m) => ({ default: m.AdminScreen })),
  about: () => import("./about/AboutPanel").then((m) => ({ default: m.AboutPanel })),
} satisfies Record<Exclude<FeatureId, "chat">, () => Promise<{ default: ComponentType }>>;
type LazyId = keyof typeof loaders;

/** One import per screen, shared by lazy() and the preloads (the module system caches it too). */
const loaded = new Map<LazyId, Promise<{ default: ComponentType }>>();
function load(id: LazyId): Promise<{ default: ComponentType }> {
  let p = loaded.get(id);
  if (!p) {
    p = loaders[id]();
    loaded.set(id, p);
    // A failed load (the server went away) is tried again on the next visit.
    p.catch(() => loaded.delete(id));
  }
  return p;
}
const screen = (id: LazyId) => lazy(() => load(id));

/**
 * The screens that exist, in menu order. A screen is added by one entry
 * here when it is built, never as a placeholder.
 */
export interface Feature {
  id: FeatureId;
  /** Menu label (also the screen's own title key by convention). */
  titleKey: MessageKey;
  icon: ComponentType;
  Screen: ComponentType;
  /** The screen fills the window and scrolls its own parts (chat: the input stays at the bottom). */
  fill?: boolean;
}

export const features: readonly Feature[] = [
  { id: "chat", titleKey: "chat.title", icon: MessageOutlined, Screen: ChatScreen, fill: true },
  { id: "summarise", titleKey: "summarise.title", icon: FileTextOutlined, Screen: screen("summarise") },
  { id: "draft", titleKey: "draft.title", icon: EditOutlined, Screen: screen("draft") },
  { id: "knowledge", titleKey: "knowledge.title", icon: BookOutlined, Screen: screen("knowledge") },
  { id: "models", titleKey: "models.title", icon: CloudServerOutlined, Screen: screen("models") },
  { id: "settings", titleKey: "nav.settings", icon: SettingOutlined, Screen: screen("settings") },
  { id: "admin", titleKey: "admin.title", icon: SafetyCertificateOutlined, Screen: screen("admin") },
  { id: "about", titleKey: "nav.about", icon: InfoCircleOutlined, Screen: screen("about") },
];

/** The registered screen for an id, or the first one when it is unknown or not built. */
export function resolveFeature(id: FeatureId | null): Feature {
  return pickFeature(features, id);
}

/**
 * Starts loading the screen shown for `id` (the first one for null) unless it
 * came with the window, then the others one at a time while the window is
 * idle, so navigating never waits for them.
 */
export function preloadScreens(id: FeatureId | null): void {
  const first = resolveFeature(id).id;
  if (first in loaders) load(first as LazyId).then(prefetchScreens, () => {});
  else whenIdle(prefetchScreens);
}

function prefetchScreens(): void {
  const rest = (Object.keys(loaders) as LazyId[]).filter((id) => !loaded.has(id));
  const next = (): void => {
    const id = rest.shift();
    if (id) whenIdle(() => void load(id).catch(() => {}).then(next));
  };
  next();
}

function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 50);
}
