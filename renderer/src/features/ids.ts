/**
 * Every screen the product plans. Only those listed in registry.ts exist;
 * an id here without a registry entry is simply not shown.
 */
export type FeatureId = "knowledge" | "chat" | "summarise" | "draft" | "models" | "settings" | "admin" | "about";
