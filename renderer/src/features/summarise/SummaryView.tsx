import { CopyOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Summary } from "../../../../electron/common/contracts/assistant";
import type { PreviewTarget } from "../../components/PagePreview";
import { AnswerMarkdown } from "../chat/AnswerMarkdown";

function pagesText(pages: readonly number[]): string {
  if (pages.length === 0) return "";
  const first = pages[0]!;
  const last = pages.at(-1)!;
  return first === last ? String(first) : `${first}–${last}`;
}

type Doc = Summary["documents"][number];

/** Where a page label opens: the knowledge-base document, or the file the summary was made from; an extracted sentence is marked there. */
export function pageTarget(doc: Doc, page: number, passage?: string): PreviewTarget {
  return doc.documentId ? { documentId: doc.documentId, page, passage } : { path: doc.path, page, passage };
}

interface Props {
  summary: Summary;
  onPage: (target: PreviewTarget) => void;
  onExport: (format: "markdown" | "docx") => void;
  onCopy: (text: string) => void;
}

/** A finished summary: which document, how it was made, the text, its points with pages that open the page, stats, copy and export. */
export function SummaryView({ summary, onPage, onExport, onCopy }: Props) {
  const { t } = useTranslation();
  const docByTitle = new Map(summary.documents.map((d) => [d.title, d]));
  const only = summary.documents.length === 1 ? summary.documents[0] : undefined;
  const { stats } = summary;
  const statsText =
    stats.pages === 0
      ? t("summarise.statsFlow", { chars: stats.inputChars, chunks: stats.chunks, seconds: stats.seconds.toFixed(1) })
      : stats.chunks > 0
      ? t("summarise.statsChunks", { pages: stats.pages, chars: stats.inputChars, chunks: stats.chunks, calls: stats.modelCalls, seconds: stats.seconds.toFixed(1) })
      : t("summarise.stats", { pages: stats.pages, chars: stats.inputChars, seconds: stats.seconds.toFixed(1) });
  return (
    <Flex vertical gap="middle" data-testid="summarise-result" data-method={summary.method}>
      <Flex vertical gap={2} data-testid="summarise-for">
        <Typography.Text strong className="govdesk-break">
          {only ? t("summarise.forDocument", { title: only.title }) : t("summarise.forDocuments", { count: summary.documents.length })}
        </Typography.Text>
        {summary.documents.map((d) => (
          <Typography.Text key={d.path} type="secondary" className="govdesk-break" style={{ fontSize: 12 }}>
            {only ? d.path : `${t("summarise.docTitle", { title: d.title })} ${d.path}`}
          </Typography.Text>
        ))}
      </Flex>
      {summary.method === "extractive" ? (
        <Alert type="info" showIcon title={t("summarise.methodExtractive")} data-testid="summarise-extractive-label" />
      ) : (
        <Tag color="purple" style={{ alignSelf: "flex-start" }}>
          {t("summarise.methodLlm", { model: summary.model ?? "" })}
        </Tag>
      )}
      {summary.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      {/* An extractive summary is its points: the list below already shows each with its pages. */}
      {(summary.method === "llm" || summary.points.length === 0) && <AnswerMarkdown text={summary.summary} />}
      {summary.points.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t("summarise.points")}</Typography.Text>}
          dataSource={summary.points}
          renderItem={(p) => {
            const doc = (p.document ? docByTitle.get(p.document) : only) ?? only;
            const first = p.pages[0];
            return (
              <List.Item data-testid="summarise-point">
                <Flex gap="small" align="baseline" wrap className="govdesk-break">
                  <span>{p.text}</span>
                  {doc && first !== undefined && (
                    <Button size="small" type="link" onClick={() => onPage(pageTarget(doc, first, summary.method === "extractive" ? p.text : undefined))} data-testid="summarise-page" aria-label={t("summarise.openPage", { page: first })}>
                      {t("summarise.page", { pages: pagesText(p.pages) })}
                    </Button>
                  )}
                  {p.document && summary.documents.length > 1 && <Typography.Text type="secondary">{t("summarise.docTitle", { title: p.document })}</Typography.Text>}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
      <Flex justify="space-between" align="center" gap="small" wrap>
        <Typography.Text type="secondary" data-testid="summarise-stats">
          {statsText}
        </Typography.Text>
        <Space wrap>
          <Button icon={<CopyOutlined />} onClick={() => onCopy(summary.summary)} data-testid="summarise-copy">
            {t("summarise.copy")}
          </Button>
          <Button onClick={() => onExport("markdown")}>{t("summarise.exportMarkdown")}</Button>
          <Button onClick={() => onExport("docx")}>{t("summarise.exportDocx")}</Button>
        </Space>
      </Flex>
    </Flex>
  );
}
