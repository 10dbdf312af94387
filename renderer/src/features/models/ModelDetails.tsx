import { Descriptions, Drawer, Spin } from "antd";
import { useTranslation } from "react-i18next";
import type { BenchResult, ModelListItem, ModelThreads } from "../../../../electron/common/contracts/models";
import { FitBadge } from "./FitBadge";
import { backendName, formatBytes, formatParameters } from "./format";

/** Details panel of one model, with its last benchmark when there is one. */
export function ModelDetails({
  model,
  bench,
  benchRunning,
  onClose,
}: {
  model: ModelListItem | null;
  bench: BenchResult | null;
  benchRunning: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer open={model !== null} onClose={onClose} title={t("models.details.title")} size={520}>
      {model && (
        <Descriptions column={1} size="small" bordered data-testid="model-details" styles={{ label: { whiteSpace: "nowrap", width: 110 }, content: { overflowWrap: "anywhere" } }}>
          <Descriptions.Item label={t("models.columns.name")}>{model.name}</Descriptions.Item>
          <Descriptions.Item label={t("models.details.architecture")}>{model.architecture}</Descriptions.Item>
          <Descriptions.Item label={t("models.details.parameters")}>{formatParameters(model.parameters)}</Descriptions.Item>
          <Descriptions.Item label={t("models.columns.quantization")}>{model.quantization}</Descriptions.Item>
          <Descriptions.Item label={t("models.columns.size")}>{formatBytes(model.sizeBytes)}</Descriptions.Item>
          <Descriptions.Item label={t("models.details.contextLength")}>{model.contextLength}</Descriptions.Item>
          <Descriptions.Item label={t("models.details.chatTemplate")}>
            {model.chatTemplate ? t("models.details.yes") : t("models.details.no")}
          </Descriptions.Item>
          <Descriptions.Item label={t("models.columns.fit")}>
            <FitBadge fit={model.fit} error={model.fitError} />
          </Descriptions.Item>
          {model.threads && (
            <Descriptions.Item label={t("models.details.threads")}>
              <span data-testid="model-threads">
                <ThreadsText threads={model.threads} />
              </span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t("models.details.path")}>{model.path}</Descriptions.Item>
          <Descriptions.Item label={t("models.details.sha256")}>
            <code style={{ wordBreak: "break-all" }}>{model.id}</code>
          </Descriptions.Item>
        </Descriptions>
      )}
      {benchRunning && <Spin description={t("models.bench.running")} />}
      {bench && !benchRunning && (
        <Descriptions column={1} size="small" bordered title={t("models.bench.title")} data-testid="model-bench" style={{ marginTop: 16 }} styles={{ label: { whiteSpace: "nowrap", width: 110 } }}>
          <Descriptions.Item label={t("models.bench.backend")}>{backendName(bench.backend)}</Descriptions.Item>
          <Descriptions.Item label={t("models.bench.gpuLayers")}>{bench.gpuLayers}</Descriptions.Item>
          <Descriptions.Item label={t("models.bench.prompt")}>
            {t("models.bench.tokensPerSecond", { n: bench.promptTokensPerSecond.toFixed(1) })}
          </Descriptions.Item>
          <Descriptions.Item label={t("models.bench.generation")}>
            {t("models.bench.tokensPerSecond", { n: bench.generationTokensPerSecond.toFixed(1) })}
          </Descriptions.Item>
          <Descriptions.Item label={t("models.bench.embedding")}>
            {t("models.bench.itemsPerSecond", { n: bench.embeddingItemsPerSecond.toFixed(1) })}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}

function ThreadsText({ threads }: { threads: ModelThreads }) {
  const { t } = useTranslation();
  if (threads.source === "setting") return <>{t("models.details.threadsSetting", { n: threads.count })}</>;
  if (threads.source === "estimated") return <>{t("models.details.threadsEstimated", { n: threads.count })}</>;
  const detail = threads.measured.map((m) => t("models.details.threadsMeasuredItem", { threads: m.threads, rate: m.tokensPerSecond.toFixed(1) })).join("，");
  return <>{t("models.details.threadsMeasured", { n: threads.count, detail })}</>;
}
