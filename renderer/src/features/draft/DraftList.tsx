import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Empty, Flex, Input, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DraftListItem } from "../../../../electron/common/contracts/drafting";

interface Props {
  items: DraftListItem[];
  activeId: number | null;
  query: string;
  onQuery: (q: string) => void;
  onOpen: (id: number | null) => void;
  onDelete: (id: number) => void;
}

/** The drafts, like conversations: search, new, reopen, delete. */
export function DraftList({ items, activeId, query, onQuery, onOpen, onDelete }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return (
    <Flex vertical gap="small" style={{ width: 240, flex: "none" }} data-testid="draft-list">
      <Button icon={<PlusOutlined />} onClick={() => onOpen(null)} data-testid="draft-new">
        {t("draft.newDraft")}
      </Button>
      <Input.Search allowClear placeholder={t("draft.searchPlaceholder")} value={query} onChange={(e) => onQuery(e.target.value)} data-testid="draft-search" />
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("draft.noDrafts")} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => (
            <List.Item
              data-testid="draft-item"
              style={{ cursor: "pointer", background: d.id === activeId ? "var(--ant-control-item-bg-active, #e6f4ff)" : undefined, paddingInline: 8 }}
              onClick={() => onOpen(d.id)}
              actions={[
                <Button
                  key="delete"
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t("draft.delete")}
                  data-testid="draft-delete"
                  onClick={(e) => {
                    e.stopPropagation();
                    modal.confirm({ title: t("draft.deleteConfirm"), onOk: () => onDelete(d.id) });
                  }}
                />,
              ]}
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text ellipsis>{d.title || t("draft.untitled")}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.kind} · {new Date(d.updatedAt).toLocaleString()}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
