import { App, Button, Flex, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbBase } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";

/** Optional folder watching for the base: set or clear the watched folder. */
export function WatchFolder({ base, onChanged }: { base: KbBase; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [folder, setFolder] = useState("");

  async function set(value: string | null): Promise<void> {
    try {
      await api.call("kb.watch", { name: base.name, folder: value });
      setFolder("");
      onChanged();
    } catch (e) {
      void message.error(errorText(e, t("knowledge.failed")));
    }
  }

  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{t("knowledge.watch.label")}</Typography.Text>
      {base.watchPath ? (
        <Space>
          <Typography.Text data-testid="kb-watch-on" className="govdesk-break">{t("knowledge.watch.on", { folder: base.watchPath })}</Typography.Text>
          <Button size="small" onClick={() => void set(null)}>
            {t("knowledge.watch.stop")}
          </Button>
        </Space>
      ) : (
        <Space.Compact style={{ maxWidth: 560 }}>
          <Input data-testid="kb-watch-path" aria-label={t("knowledge.watch.placeholder")} placeholder={t("knowledge.watch.placeholder")} value={folder} onChange={(e) => setFolder(e.target.value)} />
          <Button data-testid="kb-watch-start" disabled={!folder.trim()} onClick={() => void set(folder.trim())}>
            {t("knowledge.watch.start")}
          </Button>
        </Space.Compact>
      )}
    </Flex>
  );
}
