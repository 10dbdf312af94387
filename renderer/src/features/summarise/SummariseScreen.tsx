import { App, Alert, Button, Checkbox, Flex, Progress, Segmented, Select, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Summary, SummaryLength, SummaryListItem } from "../../../../electron/common/contracts/assistant";
import type { JobProgress } from "../../../../electron/common/contract";
import { api, errorText, runJob } from "../../api";
import { Screen } from "../../components/Screen";
import type { MessageKey } from "../../i18n/zh-CN";
import { AnswerMarkdown } from "../chat/AnswerMarkdown";
import { CitationPreview, type PreviewTarget } from "../chat/CitationPreview";
import { downloadExport } from "../chat/download";
import { ModelSelect } from "../chat/ModelSelect";
import { SourcePicker, type PickedSource } from "./SourcePicker";
import { SummaryView } from "./SummaryView";

const LENGTHS: SummaryLength[] = ["brief", "bullets", "detailed"];

/**
 * 摘要: summarise documents from disk or a knowledge base, with progress, the
 * summary streamed as it is written, cancel; a failure stays on screen with
 * its reason until the next try.
 */
export function SummariseScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [sources, setSources] = useState<PickedSource[]>([]);
  const [length, setLength] = useState<SummaryLength>("bullets");
  const [extractive, setExtractive] = useState(false);
  const [modelPath, setModelPath] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [streamed, setStreamed] = useState("");
  const [result, setResult] = useState<Summary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [history, setHistory] = useState<SummaryListItem[]>([]);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const controller = useRef<AbortController | null>(null);
  const running = progress !== null;

  const reloadHistory = (): void => void api.call("assistant.summaries.list", {}).then(setHistory, () => {});
  useEffect(reloadHistory, []);

  async function start(): Promise<void> {
    const c = new AbortController();
    controller.current = c;
    let jobId = "";
    let text = "";
    setResult(null);
    setFailure(null);
    setStreamed("");
    setProgress({ jobId: "", method: "assistant.summarize", done: 0, total: 0, stage: "queued" });
    const off = api.on("assistant.delta", (d) => {
      if (d.jobId !== jobId || d.type !== "text") return;
      text += d.text;
      setStreamed(text);
    });
    try {
      const r = await runJob("assistant.summarize", { sources: sources.map((s) => s.source), length, extractive, ...(modelPath && !extractive ? { modelPath } : {}) }, { signal: c.signal, onJobId: (id) => (jobId = id), onProgress: setProgress });
      setResult(r);
      reloadHistory();
    } catch (e) {
      if ((e as { code?: string }).code === "CANCELLED") void message.info(t("summarise.cancelled"));
      else setFailure(errorText(e, t("summarise.failed")));
    } finally {
      off();
      controller.current = null;
      setProgress(null);
    }
  }

  async function exportAs(format: "markdown" | "docx"): Promise<void> {
    if (!result) return;
    try {
      downloadExport(await api.call("assistant.export", { kind: "summary", id: result.id, format }));
    } catch (e) {
      setFailure(errorText(e, t("summarise.failed")));
    }
  }

  const copy = (text: string): void =>
    void navigator.clipboard?.writeText(text).then(
      () => message.success(t("summarise.copied")),
      () => message.error(t("summarise.copyFailed")),
    );

  const stageKey = `summarise.stages.${progress?.stage ?? "queued"}` as MessageKey;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <Screen title={t("summarise.title")} testId="summarise-screen">
      <SourcePicker value={sources} onChange={setSources} />
      {sources.length === 0 && <Typography.Text type="secondary">{t("summarise.noSources")}</Typography.Text>}
      <Flex gap="middle" align="center" wrap>
        <Typography.Text id="summarise-length-label">{t("summarise.length")}</Typography.Text>
        <Segmented<SummaryLength> value={length} onChange={setLength} options={LENGTHS.map((l) => ({ value: l, label: t(`summarise.lengths.${l}`) }))} data-testid="summarise-length" aria-labelledby="summarise-length-label" />
        <ModelSelect value={modelPath} onChange={setModelPath} disabled={extractive} testId="summarise-model" />
        <Checkbox checked={extractive} onChange={(e) => setExtractive(e.target.checked)} data-testid="summarise-extractive">
          {t("summarise.extractiveOnly")}
        </Checkbox>
        <Button type="primary" disabled={sources.length === 0 || running} onClick={() => void start()} data-testid="summarise-start">
          {t("summarise.start")}
        </Button>
        {history.length > 0 && (
          <Select
            style={{ minWidth: 220, maxWidth: "100%" }}
            placeholder={t("summarise.historyPlaceholder")}
            aria-label={t("summarise.historyPlaceholder")}
            value={null}
            onChange={(id: number) =>
              void api.call("assistant.summaries.get", { id }).then(
                (s) => (setFailure(null), setResult(s)),
                (e: unknown) => setFailure(errorText(e, t("summarise.failed"))),
              )
            }
            options={history.map((h) => ({ value: h.id, label: t("summarise.historyItem", { title: h.title, time: new Date(h.createdAt).toLocaleString() }) }))}
            data-testid="summarise-history"
          />
        )}
      </Flex>
      {failure && (
        <Alert type="error" showIcon closable={{ onClose: () => setFailure(null), "aria-label": t("summarise.cancel") }} title={t("summarise.failedTitle")} description={<span className="govdesk-break">{failure}</span>} data-testid="summarise-error" />
      )}
      {progress && (
        <Flex vertical gap="small" data-testid="summarise-progress">
          <Flex gap="middle" align="center">
            <Progress percent={percent} status="active" style={{ flex: 1 }} aria-label={t(stageKey, { done: progress.done, total: progress.total })} />
            <Button danger onClick={() => controller.current?.abort()} data-testid="summarise-cancel">
              {t("summarise.cancel")}
            </Button>
          </Flex>
          <Typography.Text type="secondary" data-testid="summarise-stage">
            {t(stageKey, { done: progress.done, total: progress.total })}
          </Typography.Text>
          {streamed && (
            <div data-testid="summarise-streamed" aria-live="polite" aria-label={t("summarise.streaming")}>
              <AnswerMarkdown text={streamed} />
            </div>
          )}
        </Flex>
      )}
      {result && !running && <SummaryView summary={result} onExport={(f) => void exportAs(f)} onPage={setPreview} onCopy={copy} />}
      <CitationPreview target={preview} onClose={() => setPreview(null)} />
    </Screen>
  );
}
