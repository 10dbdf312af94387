import { CopyOutlined, ReloadOutlined } from "@ant-design/icons";
import { Bubble } from "@ant-design/x";
import { Button, Collapse, Flex, Space, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ChatMessage, Citation } from "../../../../electron/common/contracts/assistant";
import { whereText } from "../../components/where";
import { AnswerMarkdown } from "./AnswerMarkdown";

interface Props {
  role: "user" | "assistant";
  content: string;
  thought?: string;
  citations?: Citation[];
  method?: ChatMessage["method"];
  streaming?: boolean;
  onCite?: (c: Citation) => void;
  onCopy?: () => void;
  onRegenerate?: (() => void) | undefined;
}

/** One message: the user's question, or an answer with its collapsed thoughts and its sources. */
export function MessageBubble({ role, content, thought, citations = [], method, streaming, onCite, onCopy, onRegenerate }: Props) {
  const { t } = useTranslation();
  if (role === "user") return <Bubble placement="end" content={content} data-testid="chat-question" />;
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
      loading={streaming && !content}
      content={content}
      contentRender={(text: string) => (
        <Flex vertical gap="small">
          {method === "not-found" && <Tag color="orange">{t("chat.notFound")}</Tag>}
          {method === "retrieval" && <Tag color="blue">{t("chat.retrieval")}</Tag>}
          {thought && (
            <Collapse size="small" items={[{ key: "t", label: t("chat.thoughts"), children: <Typography.Text type="secondary" style={{ whiteSpace: "pre-wrap" }}>{thought}</Typography.Text> }]} />
          )}
          <AnswerMarkdown text={text} onCite={cite} />
          {citations.length > 0 && (
            <Flex vertical gap={2} data-testid="chat-sources">
              <Typography.Text type="secondary">{t("chat.sources")}</Typography.Text>
              {citations.map((c) => (
                <Button key={c.n} type="link" size="small" style={{ justifyContent: "flex-start", height: "auto", whiteSpace: "normal", textAlign: "left" }} onClick={() => onCite?.(c)} data-testid="chat-source">
                  [{c.n}] 《{c.title}》{whereText(t, c)}：{c.snippet.replace(/\s+/g, " ").slice(0, 60)}
                </Button>
              ))}
            </Flex>
          )}
        </Flex>
      )}
      footer={
        streaming ? null : (
          <Space size={4}>
            <Tooltip title={t("chat.copy")}>
              <Button size="small" type="text" icon={<CopyOutlined />} onClick={onCopy} aria-label={t("chat.copy")} />
            </Tooltip>
            {onRegenerate && (
              <Tooltip title={t("chat.regenerate")}>
                <Button size="small" type="text" icon={<ReloadOutlined />} onClick={onRegenerate} aria-label={t("chat.regenerate")} data-testid="chat-regenerate" />
              </Tooltip>
            )}
          </Space>
        )
      }
    />
  );
}
