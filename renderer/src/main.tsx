// Must come first: zod reads this when the contract's schemas are built.
import "./api/zod-jitless";
// antd's components, pre-built (the theme runs with zeroRuntime, see components/theme.ts): antd.css
// without the components no screen can draw (scripts/build/antd-css.ts).
import "virtual:govdesk-antd.css";
// @ant-design/x's components (Sender, Conversations, Bubble), pre-built at build time (scripts/build/x-styles.ts).
import "virtual:govdesk-x-styles.css";
import "./app.css";
import "./i18n";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { preloadScreens } from "./features/registry";
import { connectStores } from "./state/connect";
import { useCoreStore } from "./state/core";
import { firstView } from "./state/first-view";
import { useNavigation } from "./state/navigation";

/** How long the window may stay empty waiting for its socket to the core (open 15–50 ms after the bundle has run on a normal start). */
const FIRST_VIEW_MAX_MS = 200;

connectStores();
preloadScreens(useNavigation.getState().current);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
// The first render waits (at most FIRST_VIEW_MAX_MS) for the core's socket, so that it shows the core running.
const settled = (): boolean => useCoreStore.getState().core.state === "running";
void firstView([useCoreStore], settled, FIRST_VIEW_MAX_MS).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
