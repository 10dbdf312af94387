import { App, Button, Flex, Input, List, Progress, Select, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { JobProgress } from "../../../../electron/common/contract";
import type { Draft, DraftCitation, DraftSection } from "../../../../electron/common/contracts/drafting";
import { toChineseOrdinal } from "../../../../electron/common/drafting/body";
import { parsePartialJson } from "../../../../electron/common/drafting/partial-json";
import { api, errorText, runJob } from "../../api";
import type { MessageKey } from "../../i18n/zh-CN";
import { CitationPreview, type PreviewTarget } from "../chat/CitationPreview";
import { ModelSelect } from "../chat/ModelSelect";
import { toSpec, type DraftForm } from "./form";

interface Props {
  form: DraftForm;
  draftId: number | null;
  citations: DraftCitation[];
  onPoints: (points: string) => void;
  /** Saves the form first (so the model's draft updates it) and returns its id. */
  beforeStart: () => Promise<number | null>;
  onDrafted: (d: Draft) => void;
}

interface Live {
  outline: string;
  sections: DraftSection[];
  current: string;
}

/**
 * 用模型起草: from the 要点 (and a knowledge base's passages as 依据) the
 * model writes the outline and then each part, shown as it streams in; Stop
 * cancels it. The result replaces the 正文 and lists the 依据 it cites,
 * each opening its page.
 */
export function GeneratePanel({ form, draftId, citations, onPoints, beforeStart, onDrafted }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [kbs, setKbs] = useState<string[]>([]);
  const [kb, setKb] = useState<string | null>(null);
  const [modelPath, setModelPath] = useState<string | null>(null);
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [live, setLive] = useState<Live | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    api.call("kb.list", {}).then((r) => setKbs(r.bases.map((b) => b.name)), () => setKbs([]));
  }, []);

  async function start(): Promise<void> {
    const id = await beforeStart();
    const c = new AbortController();
    controller.current = c;
    let jobId = "";
    const state: Live = { outline: "", sections: [], current: "" };
    setLive({ ...state });
    setProgress({ jobId: "", method: "drafting.generate", done: 0, total: 0, stage: "queued" });
    const offDelta = api.on("drafting.delta", (d) => {
      if (d.jobId !== jobId) return;
      if (d.stage === "outline") state.outline += d.text;
      else state.current += d.text;
      setLive({ ...state });
    });
    const offSection = api.on("drafting.section", (e) => {
      if (e.jobId !== jobId) return;
      state.sections = [...state.sections, e.section];
      state.current = "";
      setLive({ ...state });
    });
    try {
      const draft = await runJob("drafting.generate", { spec: toSpec(form), ...(id !== null ? { id } : draftId !== null ? { id: draftId } : {}), ...(kb ? { kb } : {}), ...(modelPath ? { modelPath } : {}) }, { signal: c.signal, onJobId: (j) => (jobId = j), onProgress: setProgress });
      onDrafted(draft);
      void message.success(t("draft.model.done"));
    } catch (e) {
      if ((e as { code?: string }).code === "CANCELLED") void message.info(t("draft.model.stopped"));
      else void message.error(errorText(e, t("draft.failed")));
    } finally {
      offDelta();
      offSection();
      controller.current = null;
      setProgress(null);
      setLive(null);
    }
  }

  const confirmStart = () => (form.body.trim() ? modal.confirm({ title: t("draft.model.replaceConfirm"), onOk: () => void start() }) : void start());
  const partial = live ? (parsePartialJson(live.current) as { paragraphs?: string[] } | undefined) : undefined;
  const stage = progress ? t(`draft.model.stages.${progress.stage}` as MessageKey, { done: Math.min(progress.done + 1, progress.total), total: progress.total }) : "";
  return (
    <Flex vertical gap="small" data-testid="draft-generate">
      <Typography.Text strong>{t("draft.model.title")}</Typography.Text>
      <Input.TextArea value={form.points} onChange={(e) => onPoints(e.target.value)} placeholder={t("draft.model.pointsPlaceholder")} autoSize={{ minRows: 3, maxRows: 8 }} data-testid="draft-points" />
      <Flex gap="small" wrap align="center">
        <Select style={{ minWidth: 180 }} value={kb ?? ""} onChange={(v: string) => setKb(v || null)} options={[{ value: "", label: t("draft.model.kbNone") }, ...kbs.map((k) => ({ value: k, label: k }))]} data-testid="draft-kb" />
        <ModelSelect value={modelPath} onChange={setModelPath} testId="draft-model" />
        {progress ? (
          <Button danger onClick={() => controller.current?.abort()} data-testid="draft-generate-cancel">
            {t("draft.model.cancel")}
          </Button>
        ) : (
          <Button type="primary" disabled={!form.points.trim() || !form.issuer.trim()} onClick={confirmStart} data-testid="draft-generate-start">
            {t("draft.model.start")}
          </Button>
        )}
      </Flex>
      {progress && (
        <Flex vertical gap={4} data-testid="draft-generate-progress">
          <Progress percent={progress.total ? Math.round((progress.done / progress.total) * 100) : 0} status="active" size="small" />
          <Typography.Text type="secondary">{t("draft.model.running", { stage })}</Typography.Text>
          {live && live.sections.length === 0 && !live.current && <Typography.Text type="secondary">{t("draft.model.outline")}</Typography.Text>}
          {live?.sections.map((s, i) => (
            <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
              <b>{`${toChineseOrdinal(i + 1)}、${s.heading}`}</b>
              <br />
              {s.paragraphs.join("\n")}
            </Typography.Paragraph>
          ))}
          {partial?.paragraphs && <Typography.Paragraph type="secondary">{partial.paragraphs.join("\n")}</Typography.Paragraph>}
        </Flex>
      )}
      {citations.length > 0 && (
        <List
          size="small"
          header={t("draft.model.citations")}
          dataSource={citations}
          renderItem={(c) => (
            <List.Item style={{ cursor: "pointer" }} onClick={() => setPreview({ documentId: c.documentId, page: c.page, passage: c.snippet })} data-testid="draft-citation">
              《{c.title}》{c.docNumber ? `（${c.docNumber}）` : ""} 第{c.page}页
            </List.Item>
          )}
        />
      )}
      <CitationPreview target={preview} onClose={() => setPreview(null)} />
    </Flex>
  );
}
