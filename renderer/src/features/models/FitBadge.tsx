import { Tag, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { Fit } from "../../../../electron/common/contracts/models";
import { FIT_COLORS, formatBytes } from "./format";

/** How the model fits this machine: GPU / partly / CPU only / will not fit. */
export function FitBadge({ fit }: { fit: Fit | null }) {
  const { t } = useTranslation();
  if (!fit) return <Tag data-testid="model-fit" data-level="unknown">{t("models.fit.unknown")}</Tag>;
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
