import { App, Button, Checkbox, Flex, Input, Progress, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText, runJob } from "../../api";
import { BrowseButton } from "../../components/BrowseButton";
import { DropZone } from "../../components/DropZone";
import { percent } from "./format";
import { saveSettings, useSettingsStore } from "../../state/settings";

type Stage = "waiting" | "hashing" | "copying";

/** Import by path (typed under serve; the desktop app adds a file dialog and drop), with a progress bar. */
export function ImportForm({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [path, setPath] = useState("");
  const [inPlace, setInPlace] = useState(false);
  const [progress, setProgress] = useState<{ stage: Stage; pct: number } | null>(null);
  const abort = useRef<AbortController | null>(null);

  async function start(): Promise<void> {
    const ac = new AbortController();
    abort.current = ac;
    setProgress({ stage: "waiting", pct: 0 });
    try {
      const rec = await runJob(
        "models.import",
        { path: path.trim(), inPlace },
        {
          signal: ac.signal,
          onProgress: (p) => setProgress({ stage: p.stage === "copying" ? "copying" : "hashing", pct: percent(p.done, p.total) }),
        },
      );
      // The first chat model is what a new user means to chat with: make it the default.
      if (rec.roles.chat && !useSettingsStore.getState().settings.defaultChatModelId) {
        await saveSettings({ defaultChatModelId: rec.id });
        void message.success(t("models.import.doneDefault", { name: rec.name }));
      } else void message.success(t("models.import.done", { name: rec.name }));
      setPath("");
      onImported();
    } catch (e) {
      if (!ac.signal.aborted) void message.error(errorText(e, t("models.import.failed")));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  }

  return (
    <DropZone
      testId="models-import-drop"
      hint={t("models.import.dropHint")}
      noPathMessage={t("models.import.dropNoPath")}
      onPaths={([first]) => first && progress === null && setPath(first)}
      onNoPath={(m) => void message.warning(m)}
    >
      <Flex vertical gap="small" style={{ maxWidth: 720 }}>
        <Typography.Text strong>{t("models.import.path")}</Typography.Text>
        <Flex gap="small">
          <Input
            data-testid="models-import-path"
            aria-label={t("models.import.path")}
            value={path}
            placeholder={t("models.import.pathPlaceholder")}
            onChange={(e) => setPath(e.target.value)}
            onPressEnter={() => path.trim() && !progress && void start()}
            disabled={progress !== null}
          />
          <BrowseButton
            testId="models-import-browse"
            disabled={progress !== null}
            request={{ kind: "file", filters: [{ name: "GGUF", extensions: ["gguf"] }] }}
            onPicked={([first]) => first && setPath(first)}
          />
          {progress ? (
            <Button data-testid="models-import-cancel" onClick={() => abort.current?.abort()}>
              {t("models.import.cancel")}
            </Button>
          ) : (
            <Button type="primary" data-testid="models-import-start" disabled={!path.trim()} onClick={() => void start()}>
              {t("models.import.start")}
            </Button>
          )}
        </Flex>
        <Checkbox checked={inPlace} onChange={(e) => setInPlace(e.target.checked)} disabled={progress !== null}>
          {t("models.import.inPlace")}
        </Checkbox>
        {progress && (
          <div data-testid="models-import-progress" data-stage={progress.stage}>
            <Typography.Text type="secondary">{t(`models.import.stage.${progress.stage}`)}</Typography.Text>
            <Progress percent={progress.pct} status="active" />
          </div>
        )}
      </Flex>
    </DropZone>
  );
}
