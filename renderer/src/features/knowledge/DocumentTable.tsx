import { App, Button, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { KbDocument, OcrMode } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";
import type { MessageKey } from "../../i18n/zh-CN";
import { formatBytes } from "../models/format";

const STATUS_COLOR: Record<KbDocument["status"], string> = { queued: "default", indexing: "processing", ready: "success", failed: "error", needs_ocr: "warning" };
const META_KEYS = ["kind", "docNumber", "issuer", "date", "recipients", "secrecy", "urgency"] as const;
const OCR_MODES: OcrMode[] = ["auto", "force", "off"];
/** Formats OCR can read: PDF pages and image files. */
const OCR_FORMATS = new Set(["pdf", "image"]);

/** Documents of a base: status (with the reason when failed), 公文 metadata, pages, chunks, size, time. */
export function DocumentTable({ documents, loading, onChanged, onOpen }: { documents: KbDocument[]; loading: boolean; onChanged: () => void; onOpen: (d: KbDocument) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Table<KbDocument>
      data-testid="kb-docs"
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={documents}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t("knowledge.docs.empty") }}
      onRow={(d) => ({ "data-testid": "kb-doc", "data-status": d.status }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: t("knowledge.docs.path"),
          render: (_, d) => (
            <Space direction="vertical" size={0}>
              <Typography.Link onClick={() => d.pages && onOpen(d)} disabled={!d.pages}>
                {d.title ?? d.path.split(/[\\/]/).pop()}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.path}
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: t("knowledge.docs.status"),
          width: 110,
          render: (_, d) => {
            // Text read by OCR says so, with its mean confidence and the pages it could not read.
            const ocr = d.status === "ready" && d.ocr;
            const tag = (
              <Tag color={ocr ? "cyan" : STATUS_COLOR[d.status]} data-testid="kb-doc-status" data-ocr={ocr ? "1" : undefined}>
                {ocr ? t("knowledge.docs.ocrDone") : t(`knowledge.docs.statuses.${d.status}` as MessageKey)}
              </Tag>
            );
            const notes = [
              ...(ocr ? [t("knowledge.docs.ocrConfidence", { pct: Math.round(d.ocr!.confidence * 100) })] : []),
              ...(ocr && d.ocr!.unreadable.length ? [t("knowledge.docs.ocrUnreadable", { pages: d.ocr!.unreadable.join("、") })] : []),
            ];
            return d.error || notes.length ? (
              <Space direction="vertical" size={0}>
                {tag}
                {notes.map((n) => (
                  <Typography.Text key={n} type="secondary" style={{ fontSize: 12 }} data-testid="kb-doc-ocr">
                    {n}
                  </Typography.Text>
                ))}
                {d.error && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="kb-doc-error">
                    {d.error}
                  </Typography.Text>
                )}
              </Space>
            ) : (
              tag
            );
          },
        },
        {
          title: <Tooltip title={t("knowledge.docs.ocrModeHint")}>{t("knowledge.docs.ocrMode")}</Tooltip>,
          width: 110,
          render: (_, d) =>
            d.format && OCR_FORMATS.has(d.format) ? (
              <Select<OcrMode>
                size="small"
                data-testid="kb-doc-ocr-mode"
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
            ) : (
              "—"
            ),
        },
        {
          title: t("knowledge.docs.meta"),
          render: (_, d) => (
            <Space direction="vertical" size={0}>
              {META_KEYS.filter((k) => d.meta[k]).map((k) => (
                <Typography.Text key={k} style={{ fontSize: 12 }}>
                  {t(`knowledge.meta.${k}`)}：{d.meta[k]}
                </Typography.Text>
              ))}
            </Space>
          ),
        },
        { title: t("knowledge.docs.pages"), width: 60, render: (_, d) => (d.paged === false ? "—" : (d.pages ?? "—")) },
        { title: t("knowledge.docs.chunks"), width: 60, render: (_, d) => d.chunks ?? "—" },
        { title: t("knowledge.docs.size"), width: 90, render: (_, d) => (d.size === null ? "—" : formatBytes(d.size)) },
        { title: t("knowledge.docs.indexedAt"), width: 150, render: (_, d) => (d.indexedAt ? new Date(d.indexedAt).toLocaleString() : "—") },
        {
          title: "",
          width: 70,
          render: (_, d) => (
            <Popconfirm
              title={t("knowledge.docs.removeConfirm")}
              onConfirm={() =>
                api.call("kb.removeDocument", { id: d.id }).then(onChanged, (e: unknown) => void message.error(errorText(e, t("knowledge.failed"))))
              }
            >
              <Tooltip title={d.path}>
                <Button size="small" type="link" danger>
                  {t("knowledge.docs.remove")}
                </Button>
              </Tooltip>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
