import { Alert, App, Button, Flex, Input, Select, Tag } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SummarySource } from "../../../../electron/common/contracts/assistant";
import type { KbDocument } from "../../../../electron/common/contracts/knowledge";
import { api, coreText, errorText } from "../../api";
import { BrowseButton } from "../../components/BrowseButton";
import { DropZone } from "../../components/DropZone";

export interface PickedSource {
  source: SummarySource;
  label: string;
}

/** Documents to summarise: typed paths (files on this machine) and documents of a knowledge base. */
export function SourcePicker({ value, onChange }: { value: PickedSource[]; onChange: (v: PickedSource[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [path, setPath] = useState("");
  const [kbs, setKbs] = useState<string[]>([]);
  const [kb, setKb] = useState<string | null>(null);
  const [docs, setDocs] = useState<KbDocument[]>([]);
  const [rejected, setRejected] = useState<{ path: string; error: string }[]>([]);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    api.call("kb.list", {}).then((r) => setKbs(r.bases.map((b) => b.name)), () => setKbs([]));
  }, []);
  useEffect(() => {
    if (!kb) return setDocs([]);
    api.call("kb.documents", { name: kb }).then((r) => setDocs(r.documents.filter((d) => d.status === "ready")), () => setDocs([]));
  }, [kb]);

  // Several at once (a multi-file dialog): one onChange, or only the last would stick.
  const addAll = (list: PickedSource[]): void => {
    const next = [...value];
    for (const s of list) if (!next.some((v) => JSON.stringify(v.source) === JSON.stringify(s.source))) next.push(s);
    onChange(next);
  };
  const add = (s: PickedSource): void => addAll([s]);
  /** Files are checked when added (missing, a folder, a format GovDesk cannot read), not when the summary starts. */
  const addFiles = async (paths: string[]): Promise<boolean> => {
    setChecking(true);
    try {
      const { sources } = await api.call("assistant.sources.check", { paths });
      setRejected(sources.filter((s) => s.error !== null).map((s) => ({ path: s.path, error: coreText(s.error!) })));
      addAll(sources.filter((s) => s.error === null).map((s) => ({ source: { path: s.path }, label: s.label })));
      return sources.every((s) => s.error === null);
    } catch (e) {
      setRejected(paths.map((p) => ({ path: p, error: errorText(e, t("summarise.failed")) })));
      return false;
    } finally {
      setChecking(false);
    }
  };
  const addPath = (): void => {
    const p = path.trim();
    if (!p) return;
    void addFiles([p]).then((ok) => ok && setPath(""));
  };

  return (
    <DropZone
      testId="summarise-drop"
      hint={t("summarise.dropHint")}
      noPathMessage={t("summarise.dropNoPath")}
      onPaths={(paths) => void addFiles(paths)}
      onNoPath={(text) => void message.warning(text)}
    >
      <Flex vertical gap="small" data-testid="summarise-sources">
        <Flex gap="small" wrap>
          <Input style={{ flex: 1, minWidth: 240 }} aria-label={t("summarise.pathPlaceholder")} placeholder={t("summarise.pathPlaceholder")} value={path} onChange={(e) => setPath(e.target.value)} onPressEnter={addPath} data-testid="summarise-path" />
          <Button onClick={addPath} loading={checking} data-testid="summarise-add-path">
            {t("summarise.addPath")}
          </Button>
          <BrowseButton testId="summarise-browse" request={{ kind: "file", multiple: true }} onPicked={(paths) => void addFiles(paths)} />
          <Select style={{ minWidth: 160 }} aria-label={t("summarise.kbPlaceholder")} placeholder={t("summarise.kbPlaceholder")} value={kb} onChange={setKb} options={kbs.map((k) => ({ value: k, label: k }))} allowClear data-testid="summarise-kb" />
          {kb && (
            <Select
              style={{ minWidth: 240 }}
              aria-label={t("summarise.docPlaceholder")}
              placeholder={t("summarise.docPlaceholder")}
              value={null}
              onChange={(id: number) => {
                const d = docs.find((x) => x.id === id);
                if (d) add({ source: { documentId: d.id }, label: d.title ?? d.path });
              }}
              options={docs.map((d) => ({ value: d.id, label: d.title ?? d.path }))}
              data-testid="summarise-doc"
            />
          )}
        </Flex>
        {rejected.length > 0 && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setRejected([]), "aria-label": t("summarise.cancel") }}
            data-testid="summarise-rejected"
            title={t("summarise.badSources")}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {rejected.map((r) => (
                  <li key={r.path} className="govdesk-break">
                    {r.error}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Flex gap={4} wrap>
          {value.map((v, i) => (
            <Tag key={JSON.stringify(v.source)} closable onClose={() => onChange(value.filter((_, j) => j !== i))} data-testid="summarise-source">
              {v.label}
            </Tag>
          ))}
        </Flex>
      </Flex>
    </DropZone>
  );
}
