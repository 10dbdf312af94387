import { Alert, Button, Drawer, Flex, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbPreview } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";

/** The document's extracted text, one page at a time, opened at the hit's page. */
export function PreviewDrawer({ target, onClose }: { target: { documentId: number; page: number } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<KbPreview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (target) setPage(target.page);
  }, [target]);
  useEffect(() => {
    if (!target) return;
    let live = true;
    api.call("kb.preview", { documentId: target.documentId, page }).then(
      (p) => live && (setData(p), setError(null)),
      (e: unknown) => live && setError(errorText(e, t("knowledge.failed"))),
    );
    return () => {
      live = false;
    };
  }, [target, page, t]);

  return (
    <Drawer open={target !== null} onClose={onClose} width={720} title={data?.title ?? t("knowledge.preview.title")} destroyOnHidden>
      {error && <Alert type="error" title={error} />}
      {data && (
        <Flex vertical gap="small" data-testid="kb-preview">
          <Flex gap="small" align="center">
            <Button size="small" disabled={data.page <= 1} onClick={() => setPage(data.page - 1)}>
              {t("knowledge.preview.prev")}
            </Button>
            <Typography.Text data-testid="kb-preview-page">{t("knowledge.preview.page", { page: data.page, count: data.pageCount })}</Typography.Text>
            <Button size="small" disabled={data.page >= data.pageCount} onClick={() => setPage(data.page + 1)}>
              {t("knowledge.preview.next")}
            </Button>
          </Flex>
          <Typography.Text type="secondary">{data.path}</Typography.Text>
          {data.needsOcr && <Alert type="warning" title={t("knowledge.preview.needsOcr")} />}
          <pre data-testid="kb-preview-text" style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0 }}>
            {data.text}
          </pre>
        </Flex>
      )}
    </Drawer>
  );
}
