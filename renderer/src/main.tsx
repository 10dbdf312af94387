// Must come first: zod reads this when the contract's schemas are built.
import "./api/zod-jitless";
// antd's components, pre-built (the theme runs with zeroRuntime, see components/theme.ts).
import "antd/dist/antd.css";
// @ant-design/x's components (Sender, Conversations, Bubble), pre-built at build time (scripts/build/x-styles.ts).
import "virtual:govdesk-x-styles.css";
import "./app.css";
import "./i18n";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { preloadScreens } from "./features/registry";
import { connectStores } from "./state/connect";
import { useNavigation } from "./state/navigation";

connectStores();
preloadScreens(useNavigation.getState().current);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
