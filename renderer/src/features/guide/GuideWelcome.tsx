import { Alert, Button, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { saveSettings } from "../../state/settings";
import { welcomeShown } from "./guide-shown";
import { GuideSteps } from "./GuideSteps";
import { reloadGuide, useGuide } from "./use-guide";

/**
 * The welcome on first run: the three steps, IT's message and presets.
 * Closing it ("稍后再说", or going to a step) leaves the checklist in the
 * side bar until every step is done; the policy may skip the welcome.
 */
export function GuideWelcome() {
  const { t } = useTranslation();
  const status = useGuide();
  const [closed, setClosed] = useState(false);
  const open = !closed && welcomeShown(status);
  const close = (): void => {
    setClosed(true);
    void saveSettings({ guideSeen: true }).then(reloadGuide, () => {});
  };
  if (!status) return null;
  return (
    <Modal
      open={open}
      title={t("guide.welcomeTitle")}
      onCancel={close}
      width={560}
      footer={
        <Button onClick={close} data-testid="guide-later">
          {t("guide.later")}
        </Button>
      }
    >
      <div data-testid="guide-welcome">
        <Typography.Paragraph>{t("guide.welcomeIntro")}</Typography.Paragraph>
        {status.message && <Alert type="info" showIcon title={status.message} style={{ marginBottom: 16 }} data-testid="guide-message" />}
        <GuideSteps status={status} onGo={close} />
      </div>
    </Modal>
  );
}
