import { Alert, Button, Drawer, Flex, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbPreview } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";
import { splitHighlight } from "./highlight";

export interface PreviewTarget {
  documentId: number;
  page: number;
  /** Passage to highlight on that page. */
  passage?: string;
}

/** The cited document at its page, the passage highlighted; paging through the document. */
export function CitationPreview({ target, onClose }: { target: PreviewTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState<number>(target?.page ?? 1);
  const [data, setData] = useState<KbPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (target) setPage(target.page);
  }, [target]);

  useEffect(() => {
    if (!target) return;
    let live = true;
    setData(null);
    setError(null);
    api.call("kb.preview", { documentId: target.documentId, page }).then(
      (p) => live && setData(p),
      (e: unknown) => live && setError(errorText(e, t("chat.preview.failed"))),
    );
    return () => {
      live = false;
    };
  }, [target, page, t]);

  const parts = data && target?.passage && data.page === target.page ? splitHighlight(data.text, target.passage) : null;
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={560}
      title={data ? t("chat.preview.title", { title: data.title, page: data.page }) : ""}
      data-testid="citation-preview"
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!data && !error && <Spin />}
      {data && (
        <Flex vertical gap="middle">
          <Flex gap="small" align="center">
            <Button size="small" disabled={data.page <= 1} onClick={() => setPage(data.page - 1)}>
              {t("chat.preview.prev")}
            </Button>
            <Typography.Text data-testid="citation-preview-page" data-page={data.page}>
              {t("chat.preview.pageOf", { page: data.page, total: data.pageCount })}
            </Typography.Text>
            <Button size="small" disabled={data.page >= data.pageCount} onClick={() => setPage(data.page + 1)}>
              {t("chat.preview.next")}
            </Button>
          </Flex>
          <Typography.Text type="secondary">{data.path}</Typography.Text>
          {target?.passage && data.page === target.page && !parts && <Alert type="info" title={t("chat.preview.notOnPage")} />}
          <div style={{ whiteSpace: "pre-wrap", lineHeight: 1.8 }} data-testid="citation-preview-text">
            {parts ? (
              <>
                {parts.before}
                <mark data-testid="citation-highlight">{parts.match}</mark>
                {parts.after}
              </>
            ) : (
              data.text
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
