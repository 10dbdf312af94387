import { CheckCircleFilled } from "@ant-design/icons";
import { App, Button, Flex, Steps, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GuideStatus, GuideStep } from "../../../../electron/common/contracts/assistant";
import { errorText, runJob } from "../../api";
import { saveSettings } from "../../state/settings";
import { useNavigation } from "../../state/navigation";
import type { FeatureId } from "../ids";

const TARGET: Record<GuideStep, FeatureId> = { model: "models", knowledge: "knowledge", ask: "chat" };

/**
 * The three steps with their state and what to do next: a screen to go to,
 * and what IT's policy offers for step 1 (the intranet server, the models in
 * the shared folder) as one click.
 */
export function GuideSteps({ status, compact, onGo }: { status: GuideStatus; compact?: boolean; onGo?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigation((s) => s.navigate);
  const [busy, setBusy] = useState<string | null>(null);
  const current = status.steps.findIndex((s) => !s.done);
  const go = (id: FeatureId): void => {
    navigate(id);
    onGo?.();
  };

  async function useRemote(remote: NonNullable<GuideStatus["remote"]>): Promise<void> {
    try {
      await saveSettings({ remoteModelUrl: remote.url, defaultChatModelId: `remote:${remote.model}` });
      void message.success(t("guide.remoteSet", { model: remote.model }));
    } catch (e) {
      void message.error(errorText(e, t("guide.failed")));
    }
  }

  async function importShared(path: string, name: string): Promise<void> {
    setBusy(path);
    try {
      const rec = await runJob("models.import", { path, inPlace: true });
      if (rec.roles.chat) await saveSettings({ defaultChatModelId: rec.id });
      void message.success(t("guide.imported", { name }));
    } catch (e) {
      void message.error(errorText(e, t("guide.failed")));
    } finally {
      setBusy(null);
    }
  }

  const extra = (id: GuideStep) => {
    const step = status.steps.find((s) => s.id === id)!;
    // The checklist in the side bar is narrow: only the next step's actions.
    if (step.done || (compact && id !== status.steps[current]?.id)) return null;
    return (
      <Flex vertical gap={6} align="flex-start" style={{ marginTop: 4 }}>
        {id === "model" && status.remote && (
          <Flex vertical gap={4} align="flex-start">
            {!compact && <Typography.Text className="govdesk-break">{t("guide.remote", status.remote)}</Typography.Text>}
            <Button size="small" type="primary" onClick={() => void useRemote(status.remote!)} data-testid="guide-use-remote">
              {t("guide.useRemote")}
            </Button>
          </Flex>
        )}
        {id === "model" && !compact && status.sharedModels.length > 0 && (
          <Flex vertical gap={4} align="flex-start">
            <Typography.Text type="secondary">{t("guide.shared")}</Typography.Text>
            {status.sharedModels.map((m) => (
              <Button key={m.path} size="small" loading={busy === m.path} disabled={busy !== null} onClick={() => void importShared(m.path, m.fileName)} data-testid="guide-import-shared">
                {busy === m.path ? t("guide.importing", { name: m.fileName }) : t("guide.importShared", { name: m.fileName })}
              </Button>
            ))}
          </Flex>
        )}
        <Flex gap={6} wrap>
          <Button size="small" onClick={() => go(TARGET[id])} data-testid={`guide-go-${id}`}>
            {t(`guide.steps.${id}.action`)}
          </Button>
          {id === "ask" && (
            <Button size="small" onClick={() => go("summarise")} data-testid="guide-go-summarise">
              {t("guide.steps.ask.summarise")}
            </Button>
          )}
        </Flex>
      </Flex>
    );
  };

  return (
    <Steps
      direction="vertical"
      size="small"
      current={current < 0 ? status.steps.length : current}
      data-testid={compact ? "guide-checklist-steps" : "guide-steps"}
      items={status.steps.map((s) => ({
        title: <span data-testid={`guide-step-${s.id}`} data-done={s.done ? "true" : "false"}>{t(`guide.steps.${s.id}.title`)}</span>,
        status: s.done ? "finish" : s.id === status.steps[current]?.id ? "process" : "wait",
        ...(s.done ? { icon: <CheckCircleFilled aria-label={t("guide.done")} /> } : {}),
        description: (
          <>
            {!compact && <Typography.Text type="secondary">{t(`guide.steps.${s.id}.text`)}</Typography.Text>}
            {extra(s.id)}
          </>
        ),
      }))}
    />
  );
}


