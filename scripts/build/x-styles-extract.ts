import { createCache, extractStyle, StyleProvider } from "@ant-design/cssinjs";
import { Bubble, Conversations, Sender } from "@ant-design/x";
import { ConfigProvider, type ThemeConfig } from "antd";
import { createElement as h, type ReactElement } from "react";
import { renderToString } from "react-dom/server";

/**
 * The @ant-design/x components the renderer imports, each rendered once so
 * that it registers its style. x-styles.test.ts fails when the renderer
 * imports one that is missing here (it would be drawn unstyled).
 */
export const X_COMPONENTS: Record<string, () => ReactElement> = {
  Sender: () => h(Sender, { value: "" }),
  Conversations: () => h(Conversations, { items: [{ key: "1", label: "1", group: "1" }], groupable: true, activeKey: "1" }),
  Bubble: () => h(Bubble, { content: "" }),
};

/**
 * The components' own styles as plain CSS, without a hash in the selectors (the
 * window's components then match them whatever hash class they carry, as with
 * antd.css). The antd components they contain (Input, Button…) register their
 * styles too; those are left out: antd.css has them.
 */
export function extractXStyles(theme: ThemeConfig = {}): string {
  const cache = createCache();
  const all = Object.values(X_COMPONENTS).map((render) => render());
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme: { ...theme, hashed: false, zeroRuntime: false } }, ...all)));
  const own = createCache();
  // Style cache keys are "style%%<Component>-<Component>%<prefix>%…".
  const ownKey = new RegExp(`^style%%(${Object.keys(X_COMPONENTS).join("|")})-`);
  for (const [key, value] of cache.cache) if (ownKey.test(key)) own.cache.set(key, value);
  // extractStyle ends with a rule listing what it extracted, for a runtime that hydrates server-rendered
  // styles; with the runtime off nothing reads it.
  const css = extractStyle(own, { plain: true, types: "style" }).replace(/\.data-ant-cssinjs-cache-path\{[^}]*\}/, "");
  if (!css) throw new Error("no @ant-design/x styles were registered: has its style cache changed?");
  return css;
}
