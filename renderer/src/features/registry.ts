import { BookOutlined, CloudServerOutlined, EditOutlined, FileTextOutlined, InfoCircleOutlined, MessageOutlined, SafetyCertificateOutlined, SettingOutlined } from "@ant-design/icons";
import { lazy, type ComponentType } from "react";
import type { MessageKey } from "../i18n/zh-CN";
import type { FeatureId } from "./ids";
import { pickFeature } from "./resolve";

/*
 * Each screen's code loads when the screen is first shown (the shell
 * renders it inside Suspense): the window is usable after the shell and one
 * screen are parsed, not the whole application (issue 15: start-up).
 */
const ChatScreen = lazy(() => import("./chat/ChatScreen").then((m) => ({ default: m.ChatScreen })));
const SummariseScreen = lazy(() => import("./summarise/SummariseScreen").then((m) => ({ default: m.SummariseScreen })));
const DraftScreen = lazy(() => import("./draft/DraftScreen").then((m) => ({ default: m.DraftScreen })));
const KnowledgeScreen = lazy(() => import("./knowledge/KnowledgeScreen").then((m) => ({ default: m.KnowledgeScreen })));
const ModelsScreen = lazy(() => import("./models/ModelsScreen").then((m) => ({ default: m.ModelsScreen })));
const SettingsScreen = lazy(() => import("./settings/SettingsScreen").then((m) => ({ default: m.SettingsScreen })));
const AdminScreen = lazy(() => import("./admin/AdminScreen").then((m) => ({ default: m.AdminScreen })));
const AboutPanel = lazy(() => import("./about/AboutPanel").then((m) => ({ default: m.AboutPanel })));

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
  { id: "summarise", titleKey: "summarise.title", icon: FileTextOutlined, Screen: SummariseScreen },
  { id: "draft", titleKey: "draft.title", icon: EditOutlined, Screen: DraftScreen },
  { id: "knowledge", titleKey: "knowledge.title", icon: BookOutlined, Screen: KnowledgeScreen },
  { id: "models", titleKey: "models.title", icon: CloudServerOutlined, Screen: ModelsScreen },
  { id: "settings", titleKey: "nav.settings", icon: SettingOutlined, Screen: SettingsScreen },
  { id: "admin", titleKey: "admin.title", icon: SafetyCertificateOutlined, Screen: AdminScreen },
  { id: "about", titleKey: "nav.about", icon: InfoCircleOutlined, Screen: AboutPanel },
];

/** The registered screen for an id, or the first one when it is unknown or not built. */
export function resolveFeature(id: FeatureId | null): Feature {
  return pickFeature(features, id);
}
