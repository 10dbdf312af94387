import { Alert, Progress } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";

const METHOD = "kb.reextract";

/**
 * Shown while documents indexed by an older version of the text extractor
 * are read again in the background (the core starts this job by itself after
 * an update): how far it is, and a refresh of the lists when it is done.
 */
export function ReextractBanner({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  useEffect(() => {
    let live = true;
    // A window opened while the job runs picks it up from the job list.
    api.call("jobs.list", {}).then(
      (jobs) => {
        const running = jobs.find((j) => j.method === METHOD && j.state === "running");
        if (live && running) setProgress({ done: running.done, total: running.total });
      },
      () => undefined,
    );
    const offProgress = api.on("job.progress", (p) => {
      if (p.method === METHOD) setProgress({ done: p.done, total: p.total });
    });
    const offFinished = api.on("job.finished", (f) => {
      if (f.method !== METHOD) return;
      setProgress(null);
      onDone();
    });
    return () => {
      live = false;
      offProgress();
      offFinished();
    };
  }, [onDone]);

  if (!progress) return null;
  return (
    <Alert
      data-testid="kb-reextract"
      type="info"
      showIcon
      title={t("knowledge.reextract.title")}
      description={
        <>
          {t("knowledge.reextract.detail", { done: progress.done, total: progress.total })}
          <Progress percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0} size="small" />
        </>
      }
    />
  );
}
