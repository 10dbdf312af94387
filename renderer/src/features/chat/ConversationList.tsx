import { PlusOutlined, PushpinFilled } from "@ant-design/icons";
import { Conversations } from "@ant-design/x";
import { App, Button, Checkbox, Flex, Input, Modal, Popconfirm, type InputRef } from "antd";
import { useMemo, useState, type Ref } from "react";
import { useTranslation } from "react-i18next";
import type { Conversation } from "../../../../electron/common/contracts/assistant";
import { api, errorText } from "../../api";
import { downloadExport } from "./download";
import { dateGroup, type DateGroup } from "./thread";

interface Props {
  items: Conversation[];
  activeId: number | null;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: number | null) => void;
  onChanged: () => Promise<void>;
  searchRef?: Ref<InputRef>;
}

/**
 * The conversation list: search, new, grouped by date with pinned ones
 * first, per item rename / pin / export / delete, and several deleted at once.
 */
export function ConversationList({ items, activeId, query, onQuery, onOpen, onChanged, searchRef }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [renaming, setRenaming] = useState<{ id: number; title: string } | null>(null);
  const [picking, setPicking] = useState<Set<number> | null>(null);
  const now = useMemo(() => new Date(), [items]);

  async function act(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
      await onChanged();
    } catch (e) {
      void message.error(errorText(e, t("chat.failed")));
    }
  }

  function submitRename(): void {
    if (!renaming) return;
    void act(async () => {
      await api.call("assistant.conversations.rename", { id: renaming.id, title: renaming.title });
      setRenaming(null);
    });
  }

  const toggle = (id: number): void => {
    if (!picking) return;
    const next = new Set(picking);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicking(next);
  };

  const deletePicked = (): void => {
    if (!picking?.size) return;
    const ids = [...picking];
    void act(async () => {
      const r = await api.call("assistant.conversations.deleteMany", { ids });
      void message.success(t("chat.bulkDeleted", { count: r.deleted }));
      if (activeId !== null && ids.includes(activeId)) onOpen(null);
      setPicking(null);
    });
  };

  return (
    <Flex vertical gap="small" style={{ width: 250, flex: "none", minHeight: 0 }} data-testid="chat-conversations">
      {/* Not the list's own "creation" button: a <button> directly in its <ul> is not a list item (axe). */}
      <Button icon={<PlusOutlined />} onClick={() => onOpen(null)} data-testid="chat-new" block>
        {t("chat.newConversation")}
      </Button>
      <Input.Search
        ref={searchRef}
        allowClear
        placeholder={t("chat.searchPlaceholder")}
        aria-label={t("chat.searchPlaceholder")}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        data-testid="chat-search"
      />
      {picking ? (
        <Flex gap="small" align="center" wrap data-testid="chat-bulk-bar">
          <Popconfirm title={t("chat.bulkConfirm", { count: picking.size })} onConfirm={deletePicked} disabled={picking.size === 0} okText={t("chat.delete")}>
            <Button size="small" danger disabled={picking.size === 0} data-testid="chat-bulk-delete">
              {t("chat.bulkDelete", { count: picking.size })}
            </Button>
          </Popconfirm>
          <Button size="small" onClick={() => setPicking(null)}>
            {t("chat.bulkCancel")}
          </Button>
        </Flex>
      ) : (
        items.length > 1 && (
          <Button size="small" type="link" style={{ alignSelf: "flex-start", padding: 0 }} onClick={() => setPicking(new Set())} data-testid="chat-bulk-start">
            {t("chat.bulkStart")}
          </Button>
        )
      )}
      <div style={{ flex: 1, minHeight: 0, overflowY: "auto" }}>
        <Conversations
          activeKey={activeId === null ? "" : String(activeId)}
          onActiveChange={(key) => (picking ? toggle(Number(key)) : onOpen(Number(key)))}
          groupable={{ label: (group: string) => t(`chat.groups.${group as DateGroup}`) }}
          items={items.map((c) => ({
            key: String(c.id),
            group: dateGroup(c, now),
            label: picking ? (
              <Checkbox checked={picking.has(c.id)} onClick={(e) => e.stopPropagation()} onChange={() => toggle(c.id)} data-testid="chat-bulk-check">
                {c.title}
              </Checkbox>
            ) : (
              c.title
            ),
            icon: c.pinned ? <PushpinFilled aria-label={t("chat.pinned")} /> : undefined,
            "data-testid": "chat-conversation",
            "data-pinned": c.pinned ? "true" : "false",
          }))}
          menu={(item) => {
            const id = Number(item.key);
            const conv = items.find((c) => c.id === id);
            return {
              items: [
                { key: "rename", label: t("chat.rename") },
                { key: "pin", label: conv?.pinned ? t("chat.unpin") : t("chat.pin") },
                { key: "md", label: t("chat.exportMarkdown") },
                { key: "docx", label: t("chat.exportDocx") },
                { key: "delete", label: t("chat.delete"), danger: true },
              ],
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                if (key === "rename") setRenaming({ id, title: conv?.title ?? "" });
                else if (key === "pin") void act(() => api.call("assistant.conversations.update", { id, pinned: !conv?.pinned }));
                else if (key === "md" || key === "docx")
                  void act(async () => downloadExport(await api.call("assistant.export", { kind: "conversation", id, format: key === "md" ? "markdown" : "docx" })));
                else
                  modal.confirm({
                    title: t("chat.deleteConfirm"),
                    onOk: () =>
                      act(async () => {
                        await api.call("assistant.conversations.delete", { id });
                        if (id === activeId) onOpen(null);
                      }),
                  });
              },
            };
          }}
        />
      </div>
      <Modal open={renaming !== null} title={t("chat.renameTitle")} onCancel={() => setRenaming(null)} onOk={submitRename} destroyOnHidden>
        <Input
          value={renaming?.title ?? ""}
          onChange={(e) => renaming && setRenaming({ ...renaming, title: e.target.value })}
          onPressEnter={submitRename}
          aria-label={t("chat.renameTitle")}
          data-testid="chat-rename-input"
          autoFocus
        />
      </Modal>
    </Flex>
  );
}
