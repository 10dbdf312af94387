import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { hostMode } from "../api";
import { useCoreStore } from "../state/core";
import { useDelayed } from "./use-delayed";

/** A normal start takes a moment; only say "connecting" if it takes longer than this. */
const STARTING_GRACE_MS = 1_500;

/**
 * Tells the user, in plain words, when the core cannot be reached and what
 * to do about it. Nothing is shown while it runs.
 */
export function CoreBanner() {
  const { t } = useTranslation();
  const core = useCoreStore((s) => s.core);
  const slowStart = useDelayed(core.state === "starting", STARTING_GRACE_MS);
  if (core.state === "running" || (core.state === "starting" && !slowStart)) return null;

  const detail = core.message ? t("banner.detail", { message: core.message }) : null;
  // In a browser the page reconnects to govdesk serve; nothing restarts a core that exited.
  const serve = hostMode === "serve";
  const props =
    serve && core.state === "failed"
      ? { type: "error" as const, title: t("shell.serveBanner.failedTitle"), text: t("shell.serveBanner.failedText") }
      : serve && core.state === "restarting"
        ? { type: "warning" as const, title: t("shell.serveBanner.restartingTitle"), text: t("shell.serveBanner.restartingText", { attempt: core.attempt }) }
        : core.state === "failed"
      ? { type: "error" as const, title: t("banner.failed.title"), text: t("banner.failed.description") }
      : core.state === "restarting"
        ? {
            type: "warning" as const,
            title: t("banner.restarting.title"),
            text: t("banner.restarting.description", { attempt: core.attempt }),
          }
        : { type: "info" as const, title: t("banner.starting.title"), text: t("banner.starting.description") };

  return (
    <div data-testid="core-banner" data-state={core.state}>
      <Alert
        type={props.type}
        showIcon
        title={props.title}
        description={
          <>
            {props.text}
            {detail && <div>{detail}</div>}
          </>
        }
      />
    </div>
  );
}
