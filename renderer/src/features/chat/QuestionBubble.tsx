import { CopyOutlined, DeleteOutlined, EditOutlined } from "@ant-design/icons";
import { Bubble } from "@ant-design/x";
import { Button, Flex, Input, Popconfirm, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_QUESTION_CHARS } from "../../../../electron/common/contracts/assistant";

interface Props {
  content: string;
  /** Actions are hidden while an answer is being written. */
  busy?: boolean;
  onEdit?: ((text: string) => void) | undefined;
  onCopy?: () => void;
  onDelete?: (() => void) | undefined;
}

/** The user's question, with edit-and-resend, copy and delete. */
export function QuestionBubble({ content, busy, onEdit, onCopy, onDelete }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  if (editing !== null) {
    const trimmed = editing.trim();
    return (
      <Flex vertical gap="small" align="flex-end" data-testid="chat-edit" style={{ alignSelf: "stretch" }}>
        <Input.TextArea
          value={editing}
          autoSize={{ minRows: 2, maxRows: 8 }}
          onChange={(e) => setEditing(e.target.value)}
          aria-label={t("chat.editQuestion")}
          data-testid="chat-edit-input"
          autoFocus
          onKeyDown={(e) => {
            if (e.key === "Escape") setEditing(null);
          }}
        />
        <Flex gap="small" align="center">
          <Typography.Text type={editing.length > MAX_QUESTION_CHARS ? "danger" : "secondary"}>
            {editing.length}/{MAX_QUESTION_CHARS}
          </Typography.Text>
          <Button size="small" onClick={() => setEditing(null)}>
            {t("chat.cancelEdit")}
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={!trimmed || editing.length > MAX_QUESTION_CHARS}
            onClick={() => {
              setEditing(null);
              onEdit?.(trimmed);
            }}
            data-testid="chat-edit-send"
          >
            {t("chat.resend")}
          </Button>
        </Flex>
      </Flex>
    );
  }
  return (
    <Bubble
      placement="end"
      content={content}
      data-testid="chat-question"
      contentRender={(text: string) => <span className="govdesk-break" style={{ whiteSpace: "pre-wrap" }}>{text}</span>}
      footer={
        busy ? null : (
          <Flex gap={4}>
            {onEdit && (
              <Tooltip title={t("chat.editQuestion")}>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(content)} aria-label={t("chat.editQuestion")} data-testid="chat-edit-start" />
              </Tooltip>
            )}
            <Tooltip title={t("chat.copy")}>
              <Button size="small" type="text" icon={<CopyOutlined />} onClick={onCopy} aria-label={t("chat.copy")} />
            </Tooltip>
            {onDelete && (
              <Popconfirm title={t("chat.deleteQuestionConfirm")} onConfirm={onDelete} okText={t("chat.delete")} placement="topRight">
                <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t("chat.deleteMessage")} data-testid="chat-delete-question" />
              </Popconfirm>
            )}
          </Flex>
        )
      }
    />
  );
}
