import { Alert, Button, Flex, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Summary } from "../../../../electron/common/contracts/assistant";
import { AnswerMarkdown } from "../chat/AnswerMarkdown";

function pagesText(pages: readonly number[]): string {
  if (pages.length === 0) return "";
  const first = pages[0]!;
  const last = pages.at(-1)!;
  return first === last ? String(first) : `${first}–${last}`;
}

/** A finished summary: how it was made, the text, its points with pages, stats and export. */
export function SummaryView({ summary, onPage, onExport }: { summary: Summary; onPage: (documentId: number, page: number, text: string) => void; onExport: (format: "markdown" | "docx") => void }) {
  const { t } = useTranslation();
  const docByTitle = new Map(summary.documents.map((d) => [d.title, d]));
  const only = summary.documents.length === 1 ? summary.documents[0] : undefined;
  return (
    <Flex vertical gap="middle" data-testid="summarise-result" data-method={summary.method}>
      {summary.method === "extractive" ? (
        <Alert type="info" showIcon title={t("summarise.methodExtractive")} data-testid="summarise-extractive-label" />
      ) : (
        <Tag color="purple">{t("summarise.methodLlm", { model: summary.model ?? "" })}</Tag>
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
            return (
              <List.Item data-testid="summarise-point">
                <Flex gap="small" align="baseline" wrap>
                  <span>{p.text}</span>
                  {p.pages.length > 0 &&
                    (doc?.documentId ? (
                      <Button size="small" type="link" onClick={() => onPage(doc.documentId!, p.pages[0]!, p.text)}>
                        {t("summarise.page", { pages: pagesText(p.pages) })}
                      </Button>
                    ) : (
                      <Tag>{t("summarise.page", { pages: pagesText(p.pages) })}</Tag>
                    ))}
                  {p.document && summary.documents.length > 1 && <Typography.Text type="secondary">《{p.document}》</Typography.Text>}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
      <Flex justify="space-between" align="center" wrap>
        <Typography.Text type="secondary" data-testid="summarise-stats">
          {t(summary.stats.pages > 0 ? "summarise.stats" : "summarise.statsFlow", { pages: summary.stats.pages, chars: summary.stats.inputChars, chunks: summary.stats.chunks, seconds: summary.stats.seconds.toFixed(1) })}
        </Typography.Text>
        <Space>
          <Button onClick={() => onExport("markdown")}>{t("summarise.exportMarkdown")}</Button>
          <Button onClick={() => onExport("docx")}>{t("summarise.exportDocx")}</Button>
        </Space>
      </Flex>
    </Flex>
  );
}
