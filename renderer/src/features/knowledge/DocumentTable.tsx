import { App, Button, Flex, Popconfirm, Select, Table, Tag, Tooltip, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { KbDocument, OcrMode } from "../../../../electron/common/contracts/knowledge";
import { api, coreText, errorText } from "../../api";
import type { MessageKey } from "../../i18n/zh-CN";
import { formatBytes } from "../models/format";

const STATUS_COLOR: Record<KbDocument["status"], string> = { queued: "default", indexing: "processing", ready: "success", failed: "error", needs_ocr: "warning" };
const META_KEYS = ["kind", "docNumber", "issuer", "date", "recipients", "secrecy", "urgency"] as const;
const OCR_MODES: OcrMode[] = ["auto", "force", "off"];
/** Formats OCR can read: PDF pages and image files. */
const OCR_FORMATS = new Set(["pdf", "image"]);

/**
 * Documents of a base. The file column carries what belongs to the file
 * (title, path, 公文 elements, the reason it failed), so it keeps its width
 * on a small screen; the other columns are short.
 */
export function DocumentTable({ documents, loading, onChanged, onOpen }: { documents: KbDocument[]; loading: boolean; onChanged: () => void; onOpen: (d: KbDocument) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // 公文 elements on one line (two at most on a narrow screen; the whole line on hover).
  const metaText = (d: KbDocument): string =>
    META_KEYS.filter((k) => d.meta[k])
      .map((k) => t("knowledge.meta.item", { label: t(`knowledge.meta.${k}`), value: d.meta[k] }))
      .join(t("knowledge.meta.separator"));
  return (
    <Table<KbDocument>
      data-testid="kb-docs"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={documents}
      tableLayout="fixed"
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t("knowledge.docs.empty") }}
      onRow={(d) => ({ "data-testid": "kb-doc", "data-status": d.status }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t("knowledge.docs.path"),
          render: (_, d) => (
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              {d.pages ? (
                <Typography.Link onClick={() => onOpen(d)} className="govdesk-break govdesk-clamp-2" title={d.title ?? d.path} data-testid="kb-doc-open">
                  {d.title ?? d.path.split(/[\\/]/).pop()}
                </Typography.Link>
              ) : (
                // Nothing to open (failed, or still queued): the name as plain text, not a greyed link.
                <Typography.Text className="govdesk-break govdesk-clamp-2" title={d.path}>
                  {d.title ?? d.path.split(/[\\/]/).pop()}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: { title: d.path, placement: "topLeft" } }}>
                {d.path}
              </Typography.Text>
              {metaText(d) && (
                <Typography.Text style={{ fontSize: 12 }} className="govdesk-break govdesk-clamp-2" title={metaText(d)} data-testid="kb-doc-meta">
                  {metaText(d)}
                </Typography.Text>
              )}
              {d.error && (
                <Typography.Text type="danger" style={{ fontSize: 12 }} className="govdesk-break govdesk-clamp-2" title={coreText(d.error)} data-testid="kb-doc-error">
                  {coreText(d.error)}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          title: t("knowledge.docs.status"),
          width: 110,
          render: (_, d) => {
            // Text read by OCR says so, with its mean confidence and the pages it could not read (the failure reason is in the file column).
            const ocr = d.status === "ready" && d.ocr;
            const notes = [
              ...(ocr ? [t("knowledge.docs.ocrConfidence", { pct: Math.round(d.ocr!.confidence * 100) })] : []),
              ...(ocr && d.ocr!.unreadable.length ? [t("knowledge.docs.ocrUnreadable", { pages: d.ocr!.unreadable.join("、") })] : []),
            ];
            return (
              <Flex vertical gap={2} align="start">
                <Tag color={ocr ? "cyan" : STATUS_COLOR[d.status]} data-testid="kb-doc-status" data-ocr={ocr ? "1" : undefined}>
                  {ocr ? t("knowledge.docs.ocrDone") : t(`knowledge.docs.statuses.${d.status}` as MessageKey)}
                </Tag>
                {notes.map((n) => (
                  <Typography.Text key={n} type="secondary" style={{ fontSize: 12 }} data-testid="kb-doc-ocr">
                    {n}
                  </Typography.Text>
                ))}
                {/* The OCR choice sits under the status (a column of its own squeezed the file column on a small window). */}
                {d.format && OCR_FORMATS.has(d.format) && (
                  <Tooltip title={t("knowledge.docs.ocrModeHint")} placement="left">
                    <Select<OcrMode>
                      size="small"
                      data-testid="kb-doc-ocr-mode"
                      aria-label={t("knowledge.docs.ocrMode")}
                      value={d.ocrMode}
                      style={{ width: 96 }}
                      options={OCR_MODES.map((m) => ({ value: m, label: t(`knowledge.docs.ocrModes.${m}`) }))}
                      onChange={(mode) =>
                        api.call("kb.setOcr", { id: d.id, mode }).then(
                          () => {
                            void message.info(t("knowledge.docs.ocrModeSet"));
                            onChanged();
                          },
                          (e: unknown) => void message.error(errorText(e, t("knowledge.failed"))),
                        )
                      }
                    />
                  </Tooltip>
                )}
              </Flex>
            );
          },
        },
        {
          title: t("knowledge.docs.info"),
          width: 150,
          render: (_, d) => (
            <Flex vertical gap={0} style={{ fontSize: 12 }}>
              <span>{[d.pages !== null && d.paged !== false ? t("knowledge.docs.pagesN", { count: d.pages }) : null, d.chunks !== null ? t("knowledge.docs.chunksN", { count: d.chunks }) : null].filter(Boolean).join(" · ") || "—"}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.size === null ? "—" : formatBytes(d.size)}
              </Typography.Text>
              {d.indexedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {new Date(d.indexedAt).toLocaleString()}
                </Typography.Text>
              )}
            </Flex>
          ),
        },
        {
          title: t("knowledge.docs.actions"),
          width: 72,
          render: (_, d) => (
            // No tooltip on the button: it covered this confirm. It opens to the left, inside the window.
            <Popconfirm
              title={t("knowledge.docs.removeConfirm")}
              placement="topRight"
              okText={t("knowledge.docs.remove")}
              onConfirm={() => api.call("kb.removeDocument", { id: d.id }).then(onChanged, (e: unknown) => void message.error(errorText(e, t("knowledge.failed"))))}
            >
              <Button size="small" type="link" danger data-testid="kb-doc-remove" aria-label={t("knowledge.docs.removeNamed", { name: d.title ?? d.path })}>
                {t("knowledge.docs.remove")}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
