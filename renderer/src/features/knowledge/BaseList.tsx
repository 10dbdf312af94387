import { App, Button, Flex, Input, List, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbBase } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";

/** The list of bases: select, create, rename, delete. */
export function BaseList({ bases, selected, onSelect, onChanged }: { bases: KbBase[]; selected: string | null; onSelect: (name: string | null) => void; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [name, setName] = useState("");

  async function act(fn: () => Promise<unknown>, ok: string, select?: string | null): Promise<void> {
    try {
      await fn();
      void message.success(ok);
      await onChanged();
      if (select !== undefined) onSelect(select);
    } catch (e) {
      void message.error(errorText(e, t("knowledge.failed")));
    }
  }

  function rename(b: KbBase): void {
    let to = b.name;
    modal.confirm({
      title: t("knowledge.bases.renamePrompt"),
      content: <Input data-testid="kb-rename-input" defaultValue={b.name} onChange={(e) => (to = e.target.value)} />,
      onOk: () => act(() => api.call("kb.rename", { name: b.name, to }), to, to),
    });
  }

  return (
    <Flex vertical gap="small" style={{ minWidth: 240 }}>
      <Typography.Text strong>{t("knowledge.bases.title")}</Typography.Text>
      <Space.Compact>
        <Input data-testid="kb-new-name" placeholder={t("knowledge.bases.newName")} value={name} onChange={(e) => setName(e.target.value)} onPressEnter={() => name.trim() && void act(() => api.call("kb.create", { name: name.trim() }), t("knowledge.bases.created", { name: name.trim() }), name.trim()).then(() => setName(""))} />
        <Button data-testid="kb-create" type="primary" disabled={!name.trim()} onClick={() => void act(() => api.call("kb.create", { name: name.trim() }), t("knowledge.bases.created", { name: name.trim() }), name.trim()).then(() => setName(""))}>
          {t("knowledge.bases.create")}
        </Button>
      </Space.Compact>
      <List
        size="small"
        bordered
        data-testid="kb-bases"
        dataSource={bases}
        locale={{ emptyText: t("knowledge.bases.empty") }}
        renderItem={(b) => (
          <List.Item
            data-testid="kb-base"
            data-name={b.name}
            style={{ cursor: "pointer", background: b.name === selected ? "rgba(22,119,255,0.08)" : undefined }}
            onClick={() => onSelect(b.name)}
            actions={[
              <Button key="r" size="small" type="link" onClick={(e) => (e.stopPropagation(), rename(b))}>
                {t("knowledge.bases.rename")}
              </Button>,
              <Popconfirm key="d" title={t("knowledge.bases.deleteConfirm", { name: b.name })} onConfirm={() => void act(() => api.call("kb.delete", { name: b.name }), t("knowledge.bases.deleted", { name: b.name }), b.name === selected ? null : selected)}>
                <Button size="small" type="link" danger data-testid="kb-delete" onClick={(e) => e.stopPropagation()}>
                  {t("knowledge.bases.delete")}
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta title={b.name} description={t("knowledge.bases.counts", { documents: b.documents, chunks: b.chunks })} />
          </List.Item>
        )}
      />
    </Flex>
  );
}
