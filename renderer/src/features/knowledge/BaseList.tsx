import { MoreOutlined } from "@ant-design/icons";
import { Alert, App, Button, Dropdown, Flex, Input, List, Modal, Space, Spin, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbBase } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";

interface Props {
  bases: KbBase[];
  selected: string | null;
  onSelect: (name: string | null) => void;
  onChanged: () => Promise<void>;
  /** The list is known: only then does "no knowledge base yet" say something true. */
  loaded: boolean;
}

/** Documents that are really in the base: failed and queued files are counted apart. */
export function baseCounts(b: KbBase): { documents: number; failed: number; queued: number; chunks: number } {
  return { documents: Math.max(0, b.documents - b.failed - b.queued), failed: b.failed, queued: b.queued, chunks: b.chunks };
}

/** The list of bases: select, create, and per base a menu to rename (Enter submits) or delete. */
export function BaseList({ bases, selected, onSelect, onChanged, loaded }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [name, setName] = useState("");
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);

  async function act(fn: () => Promise<unknown>, ok: string, select?: string | null): Promise<boolean> {
    try {
      await fn();
      void message.success(ok);
      await onChanged();
      if (select !== undefined) onSelect(select);
      return true;
    } catch (e) {
      void message.error(errorText(e, t("knowledge.failed")));
      return false;
    }
  }

  const create = (): void => {
    const n = name.trim();
    void act(() => api.call("kb.create", { name: n }), t("knowledge.bases.created", { name: n }), n).then((ok) => ok && setName(""));
  };
  const rename = (): void => {
    if (!renaming) return;
    const to = renaming.to.trim();
    void act(() => api.call("kb.rename", { name: renaming.from, to }), t("knowledge.bases.renamed", { name: to }), to).then((ok) => ok && setRenaming(null));
  };
  const remove = (b: KbBase): void => {
    modal.confirm({
      title: t("knowledge.bases.deleteConfirm", { name: b.name }),
      okButtonProps: { danger: true },
      okText: t("knowledge.bases.delete"),
      onOk: () => act(() => api.call("kb.delete", { name: b.name }), t("knowledge.bases.deleted", { name: b.name }), b.name === selected ? null : selected),
    });
  };

  return (
    <Flex vertical gap="small" style={{ width: 260, flex: "none" }}>
      <Typography.Text strong>{t("knowledge.bases.title")}</Typography.Text>
      <Space.Compact>
        <Input data-testid="kb-new-name" aria-label={t("knowledge.bases.newName")} placeholder={t("knowledge.bases.newName")} value={name} onChange={(e) => setName(e.target.value)} onPressEnter={() => name.trim() && create()} />
        <Button data-testid="kb-create" type="primary" disabled={!name.trim()} onClick={create}>
          {t("knowledge.bases.create")}
        </Button>
      </Space.Compact>
      {!loaded ? (
        <Spin />
      ) : (
        <List
          size="small"
          bordered
          data-testid="kb-bases"
          dataSource={bases}
          locale={{ emptyText: <span data-testid="kb-bases-empty">{t("knowledge.bases.empty")}</span> }}
          renderItem={(b) => {
            const c = baseCounts(b);
            return (
              <List.Item
                data-testid="kb-base"
                data-name={b.name}
                style={{ cursor: "pointer", background: b.name === selected ? "rgba(22,119,255,0.08)" : undefined, alignItems: "flex-start" }}
                onClick={() => onSelect(b.name)}
              >
                <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong ellipsis={{ tooltip: b.name }}>
                    {b.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kb-base-counts">
                    {t("knowledge.bases.counts", { documents: c.documents, chunks: c.chunks })}
                  </Typography.Text>
                  {(c.failed > 0 || c.queued > 0) && (
                    <Space size={4} wrap>
                      {c.failed > 0 && <Tag color="error">{t("knowledge.bases.failedCount", { count: c.failed })}</Tag>}
                      {c.queued > 0 && <Tag color="processing">{t("knowledge.bases.queuedCount", { count: c.queued })}</Tag>}
                    </Space>
                  )}
                </Flex>
                <Dropdown
                  trigger={["click"]}
                  menu={{
                    items: [
                      { key: "rename", label: t("knowledge.bases.rename") },
                      { key: "delete", label: t("knowledge.bases.delete"), danger: true },
                    ],
                    onClick: ({ key, domEvent }) => {
                      domEvent.stopPropagation();
                      if (key === "rename") setRenaming({ from: b.name, to: b.name });
                      else remove(b);
                    },
                  }}
                >
                  <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t("knowledge.bases.actions", { name: b.name })} data-testid="kb-base-menu" onClick={(e) => e.stopPropagation()} />
                </Dropdown>
              </List.Item>
            );
          }}
        />
      )}
      <Modal open={renaming !== null} title={t("knowledge.bases.renamePrompt")} onCancel={() => setRenaming(null)} onOk={rename} destroyOnHidden>
        <Input
          data-testid="kb-rename-input"
          aria-label={t("knowledge.bases.renamePrompt")}
          value={renaming?.to ?? ""}
          onChange={(e) => renaming && setRenaming({ ...renaming, to: e.target.value })}
          onPressEnter={rename}
          autoFocus
        />
      </Modal>
      {loaded && bases.some((b) => b.failed > 0) && selected === null && <Alert type="warning" showIcon title={t("knowledge.bases.hasFailed")} />}
    </Flex>
  );
}
