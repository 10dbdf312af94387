import { Card, Progress, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { checklistShown } from "./guide-shown";
import { GuideSteps } from "./GuideSteps";
import { useGuide } from "./use-guide";

/** The first-run checklist at the foot of the side bar, there until every step is done. */
export function GuideChecklist() {
  const { t } = useTranslation();
  const status = useGuide();
  if (!checklistShown(status)) return null;
  const done = status.steps.filter((s) => s.done).length;
  return (
    <Card
      size="small"
      style={{ margin: "auto 8px 8px" }}
      styles={{ body: { padding: "8px 8px 0" } }}
      title={<Typography.Text strong>{t("guide.checklistTitle", { done, total: status.steps.length })}</Typography.Text>}
      data-testid="guide-checklist"
    >
      <Progress percent={Math.round((done / status.steps.length) * 100)} size="small" showInfo={false} aria-label={t("guide.checklistTitle", { done, total: status.steps.length })} />
      <GuideSteps status={status} compact />
    </Card>
  );
}
