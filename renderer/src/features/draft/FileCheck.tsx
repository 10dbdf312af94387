import { App, Button, Flex, Input, Modal, Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CheckResult } from "../../../../electron/common/contracts/drafting";
import type { KbDocument } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";
import { BrowseButton } from "../../components/BrowseButton";
import { FindingList } from "./FindingList";

/** 规范性检查 of a file the user opens (DOCX, TXT, PDF…) or a knowledge-base document; DOCX and TXT can be fixed into a copy. */
export function FileCheck({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [path, setPath] = useState("");
  const [out, setOut] = useState("");
  const [kbs, setKbs] = useState<string[]>([]);
  const [kb, setKb] = useState<string | null>(null);
  const [docs, setDocs] = useState<KbDocument[]>([]);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) api.call("kb.list", {}).then((r) => setKbs(r.bases.map((b) => b.name)), () => setKbs([]));
  }, [open]);
  useEffect(() => {
    if (!kb) return setDocs([]);
    api.call("kb.documents", { name: kb }).then((r) => setDocs(r.documents.filter((d) => d.status === "ready")), () => setDocs([]));
  }, [kb]);

  async function run(source: { path: string } | { documentId: number }): Promise<void> {
    setBusy(true);
    try {
      setResult(await api.call("drafting.check", { source }));
      if ("path" in source) setOut(source.path.replace(/(\.(docx|txt))$/i, "-修正$1"));
    } catch (e) {
      void message.error(errorText(e, t("draft.failed")));
    } finally {
      setBusy(false);
    }
  }

  async function fix(): Promise<void> {
    try {
      const r = await api.call("drafting.fix", { path: path.trim(), outPath: out.trim() });
      void message.success(t("draft.check.fileFixed", { count: r.applied.length, path: r.path }));
    } catch (e) {
      void message.error(errorText(e, t("draft.failed")));
    }
  }

  const fixable = /\.(docx|txt)$/i.test(path.trim()) && result !== null && result.findings.some((f) => f.suggestion !== null);
  return (
    <Modal open={open} onCancel={onClose} footer={null} width={760} title={t("draft.check.file")} destroyOnHidden>
      <Flex vertical gap="middle" data-testid="draft-file-check">
        <Flex gap="small">
          <Input placeholder={t("draft.check.filePath")} value={path} onChange={(e) => setPath(e.target.value)} onPressEnter={() => path.trim() && void run({ path: path.trim() })} data-testid="draft-file-path" />
          <BrowseButton request={{ kind: "file", multiple: false }} onPicked={(p) => setPath(p[0] ?? "")} />
          <Button type="primary" loading={busy} disabled={!path.trim()} onClick={() => void run({ path: path.trim() })} data-testid="draft-file-run">
            {t("draft.check.fileRun")}
          </Button>
        </Flex>
        <Flex gap="small" align="center">
          <Typography.Text type="secondary">{t("draft.check.fileKb")}</Typography.Text>
          <Select style={{ minWidth: 160 }} value={kb} onChange={setKb} options={kbs.map((k) => ({ value: k, label: k }))} allowClear />
          {kb && <Select style={{ minWidth: 260 }} value={null} onChange={(id: number) => void run({ documentId: id })} options={docs.map((d) => ({ value: d.id, label: d.title ?? d.path }))} data-testid="draft-file-doc" />}
        </Flex>
        {result && <FindingList result={result} testId="draft-file-findings" />}
        {fixable && (
          <Flex gap="small" align="center">
            <Typography.Text>{t("draft.check.fixTo")}</Typography.Text>
            <Input value={out} onChange={(e) => setOut(e.target.value)} style={{ flex: 1 }} data-testid="draft-file-out" />
            <Button onClick={() => void fix()} disabled={!out.trim()} data-testid="draft-file-fix">
              {t("draft.check.fixToRun")}
            </Button>
          </Flex>
        )}
      </Flex>
    </Modal>
  );
}
