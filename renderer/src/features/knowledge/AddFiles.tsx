import { App, Button, Flex, Input, Progress, Tooltip, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { JobProgress } from "../../../../electron/common/contract";
import { errorText, runJob } from "../../api";
import { BrowseButton } from "../../components/BrowseButton";
import { DropZone } from "../../components/DropZone";
import type { MessageKey } from "../../i18n/zh-CN";
import { parsePaths } from "./snippet-parts";

/** Add files or folders by path, the file dialog or a drop (desktop app), with progress and cancel. */
export function AddFiles({ base, onProgressTick, onDone }: { base: string; onProgressTick: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState("");
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const lastDone = useRef(-1);
  // The latest callback, so a progress event of a running job always reaches the current screen.
  const tick = useRef(onProgressTick);
  useEffect(() => void (tick.current = onProgressTick), [onProgressTick]);

  const onProgress = (p: JobProgress): void => {
    setProgress(p);
    if (p.done !== lastDone.current) {
      lastDone.current = p.done;
      tick.current();
    }
  };

  async function start(): Promise<void> {
    const paths = parsePaths(text);
    if (!paths.length) return;
    abort.current = new AbortController();
    setRunning(true);
    setProgress(null);
    try {
      const r = await runJob("kb.add", { name: base, paths }, { signal: abort.current.signal, onProgress });
      if (r.cancelled) void message.warning(t("knowledge.add.cancelled"));
      else void message.success(t("knowledge.add.done", { ok: r.ok, skipped: r.skipped, failed: r.failed.length }));
      setText("");
    } catch (e) {
      void message.error(errorText(e, t("knowledge.failed")));
    } finally {
      setRunning(false);
      onDone();
    }
  }

  // OCR names the page it reads: "正在识别第 3/9 页".
  const progressStage = (p: JobProgress): string =>
    p.stage === "ocr" && p.sub ? t("knowledge.add.ocrPage", { page: p.sub.done, pages: p.sub.total }) : t(`knowledge.add.stage.${p.stage}` as MessageKey);
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const addPaths = (paths: string[]): void => setText((t0) => [...parsePaths(t0), ...paths].join("\n"));
  return (
    <DropZone testId="kb-add-drop" hint={t("knowledge.add.dropHint")} noPathMessage={t("knowledge.add.dropNoPath")} onPaths={addPaths} onNoPath={(m) => void message.warning(m)}>
      <Flex vertical gap="small">
        <Typography.Text strong>{t("knowledge.add.title")}</Typography.Text>
        <Input.TextArea data-testid="kb-add-paths" rows={2} placeholder={t("knowledge.add.placeholder")} aria-label={t("knowledge.add.paths")} value={text} onChange={(e) => setText(e.target.value)} disabled={running} />
        <Flex gap="small" align="center">
          <Button data-testid="kb-add-start" type="primary" onClick={() => void start()} disabled={running || !parsePaths(text).length}>
            {t("knowledge.add.start")}
          </Button>
          <Tooltip title={t("knowledge.add.browseFiles")}>
            <span>
              <BrowseButton testId="kb-browse-files" disabled={running} request={{ kind: "file", multiple: true }} onPicked={addPaths} />
            </span>
          </Tooltip>
          <Tooltip title={t("knowledge.add.browseFolder")}>
            <span>
              <BrowseButton testId="kb-browse-folder" disabled={running} request={{ kind: "folder", multiple: true }} onPicked={addPaths} />
            </span>
          </Tooltip>
          {running && (
            <Button data-testid="kb-add-cancel" onClick={() => abort.current?.abort()}>
              {t("knowledge.add.cancel")}
            </Button>
          )}
        </Flex>
        {running && (
          <Flex vertical data-testid="kb-add-progress">
            <Progress percent={pct} size="small" />
            <Typography.Text type="secondary" ellipsis>
              {progress ? `${progressStage(progress)} ${t("knowledge.add.progress", { done: progress.done, total: progress.total })} ${progress.item ?? ""}` : t("knowledge.add.stage.scan")}
            </Typography.Text>
          </Flex>
        )}
      </Flex>
    </DropZone>
  );
}
