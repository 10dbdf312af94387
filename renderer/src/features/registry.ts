import { BookOutlined, CloudServerOutlined, EditOutlined, FileTextOutlined, InfoCircleOutlined, MessageOutlined, SafetyCertificateOutlined, SettingOutlined } from "@ant-design/icons";
import type { ComponentType } from "react";
import type { MessageKey } from "../i18n/zh-CN";
import { AboutPanel } from "./about/AboutPanel";
import { AdminScreen } from "./admin/AdminScreen";
import { ChatScreen } from "./chat/ChatScreen";
import { ModelsScreen } from "./models/ModelsScreen";
import type { FeatureId } from "./ids";
import { pickFeature } from "./resolve";
import { SettingsScreen } from "./settings/SettingsScreen";
import { SummariseScreen } from "./summarise/SummariseScreen";
import { DraftScreen } from "./draft/DraftScreen";
import { KnowledgeScreen } from "./knowledge/KnowledgeScreen";

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
