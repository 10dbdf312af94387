import { App, Button, Card, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, errorText } from "../../api";
import { Screen } from "../../components/Screen";
import { downloadExport } from "../chat/download";
import { DraftFields } from "./DraftFields";
import { DraftList } from "./DraftList";
import { FileCheck } from "./FileCheck";
import { FindingList } from "./FindingList";
import { toSpec } from "./form";
import { GeneratePanel } from "./GeneratePanel";
import { PolishPanel } from "./PolishPanel";
import { useDraft } from "./use-draft";

/**
 * 写作: draft a 公文 in the form (fields as GB/T 9704 has them), or from
 * 要点 with the model; check it (one-click fixes), get wording suggestions,
 * and export Word laid out per GB/T 9704-2012. Drafts are kept like
 * conversations and saved as you type.
 */
export function DraftScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const d = useDraft();
  const [fileCheck, setFileCheck] = useState(false);
  const [busy, setBusy] = useState<"check" | "export" | null>(null);

  const fail = (e: unknown) => void message.error(errorText(e, t("draft.failed")));

  async function check(): Promise<void> {
    setBusy("check");
    try {
      await d.runCheck();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  }

  async function exportDocx(): Promise<void> {
    setBusy("export");
    try {
      await d.save();
      const r = await api.call("drafting.export", { spec: toSpec(d.form) });
      downloadExport(r);
      void message.success(t("draft.export.done", { pages: r.pages }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  }

  const status = d.saving ? t("draft.saving") : d.dirty ? t("draft.unsaved") : d.id !== null ? t("draft.saved") : "";
  return (
    <Screen title={t("draft.title")} testId="draft-screen">
      <Flex gap="large" align="flex-start">
        <DraftList items={d.list} activeId={d.id} query={d.query} onQuery={d.setQuery} onOpen={(id) => void d.open(id).catch(fail)} onDelete={(id) => void d.remove(id).then(() => message.success(t("draft.deleted")), fail)} />
        <Flex vertical gap="middle" style={{ flex: 3, minWidth: 0 }}>
          <Flex gap="small" align="center" wrap>
            <Button onClick={() => void d.save().catch(fail)} disabled={!d.form.issuer.trim()} data-testid="draft-save">
              {t("draft.save")}
            </Button>
            <Button onClick={() => void check()} loading={busy === "check"} data-testid="draft-check">
              {t("draft.check.run")}
            </Button>
            <Button type="primary" onClick={() => void exportDocx()} loading={busy === "export"} disabled={!d.form.issuer.trim()} data-testid="draft-export">
              {t("draft.export.run")}
            </Button>
            <Button onClick={() => setFileCheck(true)} data-testid="draft-open-file-check">
              {t("draft.check.file")}
            </Button>
            <Typography.Text type="secondary" data-testid="draft-status">
              {status}
            </Typography.Text>
          </Flex>
          <DraftFields form={d.form} kinds={d.kinds} onChange={d.setForm} />
        </Flex>
        <Flex vertical gap="middle" style={{ flex: 2, minWidth: 320 }}>
          {d.check && (
            <Card size="small" title={t("draft.check.title")}>
              <FindingList
                result={d.check}
                testId="draft-findings"
                onFix={(f) =>
                  void d.fix(f).then((ok) => (ok ? message.success(t("draft.check.fixed")) : message.warning(t("draft.check.cannotFix"))), fail)
                }
              />
            </Card>
          )}
          <Card size="small">
            <GeneratePanel
              form={d.form}
              draftId={d.id}
              citations={d.citations}
              onPoints={(points) => d.setForm((f) => ({ ...f, points }))}
              beforeStart={async () => (d.form.issuer.trim() ? ((await d.save())?.id ?? null) : null)}
              onDrafted={(draft) => {
                d.load(draft);
                void d.reloadList();
              }}
            />
          </Card>
          <Card size="small">
            <PolishPanel form={d.form} onBody={(body) => d.setForm((f) => ({ ...f, body }))} />
          </Card>
        </Flex>
      </Flex>
      <FileCheck open={fileCheck} onClose={() => setFileCheck(false)} />
    </Screen>
  );
}
