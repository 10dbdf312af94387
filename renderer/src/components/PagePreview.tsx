import { Alert, Button, Drawer, Flex, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbPreview } from "../../../electron/common/contracts/knowledge";
import { api, errorText } from "../api";
import { splitHighlight } from "./highlight";
import { type Loaded, previewKey, shownFor } from "./page-preview-state";

export interface PreviewTarget {
  documentId: number;
  page: number;
  /** Passage to highlight on that page (a citation); none for a plain preview. */
  passage?: string | undefined;
}

interface Props {
  target: PreviewTarget | null;
  onClose: () => void;
  /** data-testid of the loaded page; its page label and text get "-page" and "-text" after it. */
  testId?: string;
}

/**
 * A knowledge-base document, one page at a time, opened at the target's page
 * with its passage (if any) highlighted there. While another page or document
 * loads, the previous one is not shown, so what is on screen is always the
 * page the label names.
 */
export function PagePreview({ target, onClose, testId = "page-preview" }: Props) {
  const { t } = useTranslation();
  // The page the user paged to, for this target only: a new target opens at its own page.
  const [paged, setPaged] = useState<{ target: PreviewTarget; page: number } | null>(null);
  const page = target && paged?.target === target ? paged.page : (target?.page ?? 1);
  const key = target ? previewKey(target.documentId, page) : "";
  const [loaded, setLoaded] = useState<Loaded<KbPreview> | null>(null);

  useEffect(() => {
    if (!target) return;
    let live = true;
    api.call("kb.preview", { documentId: target.documentId, page }).then(
      (data) => live && setLoaded({ key, data }),
      (e: unknown) => live && setLoaded({ key, error: errorText(e, t("pagePreview.failed")) }),
    );
    return () => {
      live = false;
    };
  }, [target, page, key, t]);

  const shown = shownFor(loaded, key);
  const data = shown?.data ?? null;
  // The page count stays known while the next page of the same document loads, so paging keeps its focus.
  const pageCount = data?.pageCount ?? (target && loaded?.data?.documentId === target.documentId ? loaded.data.pageCount : null);
  const go = (p: number): void => {
    if (target) setPaged({ target, page: p });
  };
  const onTargetPage = data !== null && target?.passage && data.page === target.page;
  const parts = onTargetPage ? splitHighlight(data.text, target.passage ?? "") : null;

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={data ? (data.paged === false ? t("pagePreview.titleFlow", { title: data.title }) : t("pagePreview.title", { title: data.title, page: data.page })) : t("pagePreview.loading")}
      data-testid={`${testId}-drawer`}
    >
      <Flex vertical gap="middle">
        <Flex gap="small" align="center">
          <Button size="small" disabled={pageCount === null || page <= 1} onClick={() => go(page - 1)}>
            {t("pagePreview.prev")}
          </Button>
          <Typography.Text data-testid={`${testId}-page`} data-page={data?.page ?? page}>
            {pageCount !== null ? t("pagePreview.pageOf", { page: data?.page ?? page, total: pageCount }) : null}
          </Typography.Text>
          <Button size="small" disabled={pageCount === null || page >= pageCount} onClick={() => go(page + 1)}>
            {t("pagePreview.next")}
          </Button>
        </Flex>
        {shown?.error && <Alert type="error" showIcon title={shown.error} />}
        {!shown && <Spin />}
        {data && (
          <Flex vertical gap="small" data-testid={testId}>
            <Typography.Text type="secondary">{data.path}</Typography.Text>
            {data.needsOcr && <Alert type="warning" title={t("pagePreview.needsOcr")} />}
            {onTargetPage && !parts && <Alert type="info" title={t("pagePreview.notOnPage")} />}
            <div style={{ whiteSpace: "pre-wrap", lineHeight: 1.8 }} data-testid={`${testId}-text`}>
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
      </Flex>
    </Drawer>
  );
}
