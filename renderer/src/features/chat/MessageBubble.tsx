import { CopyOutlined, DeleteOutlined, LeftOutlined, ReloadOutlined, RightOutlined } from "@ant-design/icons";
import { Bubble } from "@ant-design/x";
import { Button, Collapse, Flex, Popconfirm, Space, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ChatMessage, Citation } from "../../../../electron/common/contracts/assistant";
import { whereText } from "../../components/where";
import { AnswerMarkdown } from "./on-demand";

interface Props {
  content: string;
  thought?: string;
  citations?: Citation[];
  method?: ChatMessage["method"];
  streaming?: boolean;
  /** What the answer is waiting for while nothing is written yet (search, model loading). */
  status?: string | null;
  /** 字/秒 while streaming or as saved. */
  speed?: number | null;
  /** ‹i/n›: the version shown of this question's answers. */
  version?: { index: number; count: number; onPrev: () => void; onNext: () => void } | undefined;
  onCite?: (c: Citation) => void;
  onCopy?: () => void;
  onRegenerate?: (() => void) | undefined;
  onDelete?: (() => void) | undefined;
}

/** An answer: its collapsed thoughts, the text with [n] citations, its sources, versions and actions. */
export function MessageBubble({ content, thought, citations = [], method, streaming, status, speed, version, onCite, onCopy, onRegenerate, onDelete }: Props) {
  const { t } = useTranslation();
  const cite = (n: number): void => {
    const c = citations.find((x) => x.n === n);
    if (c) onCite?.(c);
  };
  return (
    <Bubble
      placement="start"
      variant="outlined"
      data-testid="chat-answer"
      data-streaming={streaming ? "true" : "false"}
      loading={streaming && !content && !status}
      content={content || (streaming && status ? " " : content)}
      contentRender={(text: string) => (
        <Flex vertical gap="small" className="govdesk-break">
          {method === "not-found" && <Tag color="orange">{t("chat.notFound")}</Tag>}
          {method === "retrieval" && <Tag color="blue">{t("chat.retrieval")}</Tag>}
          {streaming && status && !content && (
            <Typography.Text type="secondary" data-testid="chat-status">
              {status}
            </Typography.Text>
          )}
          {thought && (
            <Collapse size="small" items={[{ key: "t", label: t("chat.thoughts"), children: <Typography.Text type="secondary" style={{ whiteSpace: "pre-wrap" }}>{thought}</Typography.Text> }]} />
          )}
          {text.trim() && <AnswerMarkdown text={text} onCite={cite} />}
          {citations.length > 0 && (
            <Flex vertical gap={2} data-testid="chat-sources">
              <Typography.Text type="secondary">{t("chat.sources")}</Typography.Text>
              {citations.map((c) => (
                <Button key={c.n} type="link" size="small" style={{ justifyContent: "flex-start", height: "auto", whiteSpace: "normal", textAlign: "left" }} onClick={() => onCite?.(c)} data-testid="chat-source">
                  {t("chat.sourceLabel", { n: c.n, title: c.title, where: whereText(t, c), snippet: c.snippet.replace(/\s+/g, " ").slice(0, 60) })}
                </Button>
              ))}
            </Flex>
          )}
        </Flex>
      )}
      footer={
        <Flex gap={4} align="center" wrap>
          {version && version.count > 1 && (
            <Space size={0} data-testid="chat-versions">
              <Button size="small" type="text" icon={<LeftOutlined />} disabled={streaming || version.index === 0} onClick={version.onPrev} aria-label={t("chat.prevVersion")} data-testid="chat-version-prev" />
              <Typography.Text type="secondary" data-testid="chat-version">
                {version.index + 1}/{version.count}
              </Typography.Text>
              <Button size="small" type="text" icon={<RightOutlined />} disabled={streaming || version.index >= version.count - 1} onClick={version.onNext} aria-label={t("chat.nextVersion")} data-testid="chat-version-next" />
            </Space>
          )}
          {!streaming && (
            <>
              <Tooltip title={t("chat.copy")}>
                <Button size="small" type="text" icon={<CopyOutlined />} onClick={onCopy} aria-label={t("chat.copy")} data-testid="chat-copy" />
              </Tooltip>
              {onRegenerate && (
                <Tooltip title={t("chat.regenerate")}>
                  <Button size="small" type="text" icon={<ReloadOutlined />} onClick={onRegenerate} aria-label={t("chat.regenerate")} data-testid="chat-regenerate" />
                </Tooltip>
              )}
              {onDelete && (
                <Popconfirm title={t("chat.deleteAnswerConfirm")} onConfirm={onDelete} okText={t("chat.delete")} placement="topLeft">
                  <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t("chat.deleteMessage")} data-testid="chat-delete" />
                </Popconfirm>
              )}
            </>
          )}
          {speed != null && (
            <Typography.Text type="secondary" data-testid="chat-speed">
              {t("chat.speed", { speed: speed.toFixed(1) })}
            </Typography.Text>
          )}
        </Flex>
      }
    />
  );
}
