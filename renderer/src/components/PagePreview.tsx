import { Alert, Button, Drawer, Flex, Segmented, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbPreview } from "../../../electron/common/contracts/knowledge";
import { api, errorText } from "../api";
import { splitHighlight } from "./highlight";
import { type Loaded, type PreviewSource, previewKey, shownFor } from "./page-preview-state";
import { PdfPage } from "./pdf/PdfPage";
import { usePdfDocument } from "./use-pdf-document";

export type PreviewTarget = PreviewSource & {
  page: number;
  /** Passage to highlight on that page (a citation); none for a plain preview. */
  passage?: string | undefined;
};

interface Props {
  target: PreviewTarget | null;
  onClose: () => void;
  /** data-testid of the loaded page; its page label and text get "-page" and "-text" after it, the drawn page "-pdf". */
  testId?: string;
}

const DRAWER_WIDTH = 680;
/** The page as drawn: the drawer's width less its padding. */
const PAGE_WIDTH = DRAWER_WIDTH - 48 - 2;

function sourceOf(t: PreviewTarget): PreviewSource {
  return "documentId" in t ? { documentId: t.documentId } : { path: t.path };
}

/**
 * A document one page at a time, opened at the target's page with its
 * passage (if any) highlighted. A PDF is drawn as the page really looks
 * (pdfjs in this window) with the passage marked on it; other formats, and
 * a PDF whose file cannot be read any more, show the page's text. While
 * another page loads, the previous one is not shown, so what is on screen is
 * always the page the label names.
 */
export function PagePreview({ target, onClose, testId = "page-preview" }: Props) {
  const { t } = useTranslation();
  // The page the user paged to, for this target only: a new target opens at its own page.
  const [paged, setPaged] = useState<{ target: PreviewTarget; page: number } | null>(null);
  const [view, setView] = useState<"page" | "text">("page");
  const [found, setFound] = useState<boolean | null>(null);
  const page = target && paged?.target === target ? paged.page : (target?.page ?? 1);
  const source = target ? sourceOf(target) : null;
  const key = source ? previewKey(source, page) : "";
  const [loaded, setLoaded] = useState<Loaded<KbPreview> | null>(null);

  useEffect(() => {
    if (!target) return;
    let live = true;
    const call = "documentId" in target ? api.call("kb.preview", { documentId: target.documentId, page }) : api.call("kb.previewFile", { path: target.path, page });
    call.then(
      (data) => live && setLoaded({ key, data }),
      (e: unknown) => live && setLoaded({ key, error: errorText(e, t("pagePreview.failed")) }),
    );
    return () => {
      live = false;
    };
  }, [target, page, key, t]);

  const shown = shownFor(loaded, key);
  const data = shown?.data ?? null;
  const isPdf = (data?.format ?? loaded?.data?.format) === "pdf";
  const pdf = usePdfDocument(source, isPdf, t("pagePreview.failed"));
  // The page count stays known while the next page of the same document loads, so paging keeps its focus.
  const sourcePart = (k: string): string => k.slice(0, k.lastIndexOf(":"));
  const pageCount = data?.pageCount ?? (loaded?.data && sourcePart(loaded.key) === sourcePart(key) ? loaded.data.pageCount : null);
  const go = (p: number): void => {
    if (target) setPaged({ target, page: p });
  };
  const onTargetPage = data !== null && target?.passage && data.page === target.page;
  const passage = onTargetPage ? target?.passage : undefined;
  const parts = onTargetPage ? splitHighlight(data.text, target?.passage ?? "") : null;
  const drawPage = isPdf && view === "page" && pdf !== null && "doc" in pdf;

  useEffect(() => setFound(null), [key]);

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={DRAWER_WIDTH}
      destroyOnHidden
      title={data ? (data.paged === false ? t("pagePreview.titleFlow", { title: data.title }) : t("pagePreview.title", { title: data.title, page: data.page })) : t("pagePreview.loading")}
    >
      <Flex vertical gap="middle" data-testid={`${testId}-drawer`}>
        <Flex gap="small" align="center" wrap>
          <Button size="small" disabled={pageCount === null || page <= 1} onClick={() => go(page - 1)}>
            {t("pagePreview.prev")}
          </Button>
          <Typography.Text data-testid={`${testId}-page`} data-page={data?.page ?? page}>
            {pageCount !== null ? t("pagePreview.pageOf", { page: data?.page ?? page, total: pageCount }) : null}
          </Typography.Text>
          <Button size="small" disabled={pageCount === null || page >= pageCount} onClick={() => go(page + 1)}>
            {t("pagePreview.next")}
          </Button>
          {isPdf && (
            <Segmented
              size="small"
              value={view}
              onChange={(v) => setView(v as "page" | "text")}
              options={[
                { value: "page", label: t("pagePreview.viewPage") },
                { value: "text", label: t("pagePreview.viewText") },
              ]}
              data-testid={`${testId}-view`}
            />
          )}
        </Flex>
        {shown?.error && <Alert type="error" showIcon title={shown.error} />}
        {!shown && <Spin />}
        {data && (
          <Flex vertical gap="small" data-testid={testId}>
            <Typography.Text type="secondary" className="govdesk-break">
              {data.path}
            </Typography.Text>
            {data.needsOcr && <Alert type="warning" title={t("pagePreview.needsOcr")} />}
            {isPdf && pdf && "error" in pdf && <Alert type="warning" showIcon title={pdf.error} data-testid={`${testId}-pdf-error`} />}
            {drawPage && found === false && <Alert type="info" title={t("pagePreview.notOnPage")} />}
            {drawPage ? (
              <PdfPage
                doc={pdf.doc}
                page={data.page}
                width={PAGE_WIDTH}
                passage={passage}
                ocr={data.ocr}
                testId={`${testId}-pdf`}
                label={t("pagePreview.title", { title: data.title, page: data.page })}
                onRendered={setFound}
                onError={() => setView("text")}
              />
            ) : isPdf && view === "page" && pdf === null ? (
              <Spin />
            ) : (
              <>
                {onTargetPage && !parts && <Alert type="info" title={t("pagePreview.notOnPage")} />}
                <div style={{ whiteSpace: "pre-wrap", lineHeight: 1.8 }} className="govdesk-break" data-testid={`${testId}-text`}>
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
              </>
            )}
          </Flex>
        )}
      </Flex>
    </Drawer>
  );
}
