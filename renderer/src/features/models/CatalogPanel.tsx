import { List, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CatalogEntry } from "../../../../electron/common/contracts/models";
import { api } from "../../api";

/** Catalog models that suit this machine. GovDesk never downloads: IT provides the file. */
export function CatalogPanel() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<CatalogEntry[] | null>(null);
  useEffect(() => {
    api.call("models.catalog", {}).then(
      (c) => setEntries(c.entries.filter((e) => c.recommended.includes(e.id))),
      () => setEntries([]),
    );
  }, []);
  if (entries === null) return null;
  return (
    <List
      size="small"
      data-testid="models-catalog"
      header={<Typography.Text type="secondary">{t("models.catalog.hint")}</Typography.Text>}
      locale={{ emptyText: t("models.catalog.none") }}
      dataSource={entries}
      renderItem={(e) => (
        <List.Item>
          <Typography.Text>{e.name}</Typography.Text>
          <span>
            <Tag>{e.quantization}</Tag>
            <Tag color={e.role === "chat" ? "purple" : "cyan"}>{t(`models.role.${e.role}`)}</Tag>
            {e.reasoning && <Tag color="orange">{t("models.catalog.reasoning")}</Tag>}
            <Typography.Text type="secondary">
              {e.fileName} · {e.sizeGB} GB
            </Typography.Text>
          </span>
        </List.Item>
      )}
    />
  );
}
