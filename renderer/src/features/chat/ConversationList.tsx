import { PlusOutlined } from "@ant-design/icons";
import { Conversations } from "@ant-design/x";
import { App, Flex, Input, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Conversation } from "../../../../electron/common/contracts/assistant";
import { api, errorText } from "../../api";
import { downloadExport } from "./download";

interface Props {
  items: Conversation[];
  activeId: number | null;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: number | null) => void;
  onChanged: () => Promise<void>;
}

/** The conversation list: search, new, open, and per item rename / export / delete. */
export function ConversationList({ items, activeId, query, onQuery, onOpen, onChanged }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [renaming, setRenaming] = useState<{ id: number; title: string } | null>(null);

  async function act(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
      await onChanged();
    } catch (e) {
      void message.error(errorText(e, t("chat.failed")));
    }
  }

  return (
    <Flex vertical gap="small" style={{ width: 260, flex: "none" }} data-testid="chat-conversations">
      <Input.Search allowClear placeholder={t("chat.searchPlaceholder")} value={query} onChange={(e) => onQuery(e.target.value)} data-testid="chat-search" />
      <Conversations
        creation={{ label: t("chat.newConversation"), icon: <PlusOutlined />, onClick: () => onOpen(null) }}
        activeKey={activeId === null ? "" : String(activeId)}
        onActiveChange={(key) => onOpen(Number(key))}
        items={items.map((c) => ({ key: String(c.id), label: c.title, "data-testid": "chat-conversation" }))}
        menu={(item) => ({
          items: [
            { key: "rename", label: t("chat.rename") },
            { key: "md", label: t("chat.exportMarkdown") },
            { key: "docx", label: t("chat.exportDocx") },
            { key: "delete", label: t("chat.delete"), danger: true },
          ],
          onClick: ({ key, domEvent }) => {
            domEvent.stopPropagation();
            const id = Number(item.key);
            if (key === "rename") setRenaming({ id, title: String(item.label ?? "") });
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
        })}
      />
      <Modal
        open={renaming !== null}
        title={t("chat.renameTitle")}
        onCancel={() => setRenaming(null)}
        onOk={() =>
          renaming &&
          void act(async () => {
            await api.call("assistant.conversations.rename", { id: renaming.id, title: renaming.title });
            setRenaming(null);
          })
        }
      >
        <Input value={renaming?.title ?? ""} onChange={(e) => renaming && setRenaming({ ...renaming, title: e.target.value })} data-testid="chat-rename-input" />
      </Modal>
    </Flex>
  );
}
