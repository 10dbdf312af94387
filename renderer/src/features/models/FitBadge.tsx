import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { Fit } from "../../../../electron/common/contracts/models";
import { FIT_COLORS, formatBytes } from "./format";

/** How the model fits this machine: GPU / partly / CPU only / will not fit. */
export function FitBadge({ fit, error }: { fit: Fit | null; error?: string | null | undefined }) {
  const { t } = useTranslation();
  if (!fit) {
    const tag = (
      <Tag data-testid="model-fit" data-level="unknown">
        {t("models.fit.unknown")}
      </Tag>
    );
    // The core says why (in Chinese, from the model process) when it could not estimate the fit.
    return error ? <Tooltip title={error}>{tag}</Tooltip> : tag;
  }
  const detail = t("models.fit.detail", {
    gpuLayers: fit.gpuLayers,
    totalLayers: fit.totalLayers,
    contextSize: fit.contextSize,
    ram: formatBytes(fit.ramBytes),
    vram: formatBytes(fit.vramBytes),
  });
  return (
    <Tooltip title={detail}>
      <Tag data-testid="model-fit" data-level={fit.level} color={FIT_COLORS[fit.level]}>
        {t(`models.fit.${fit.level}`)}
      </Tag>
    </Tooltip>
  );
}
