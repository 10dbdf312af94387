import { Alert, Button, Divider, Flex, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { PagePreview, type PreviewTarget } from "../../components/PagePreview";
import { Screen } from "../../components/Screen";
import { AddFiles } from "./AddFiles";
import { BaseList } from "./BaseList";
import { DocumentTable } from "./DocumentTable";
import { ReextractBanner } from "./ReextractBanner";
import { SearchPanel } from "./SearchPanel";
import { useBases, useDocuments } from "./use-kb";
import { WatchFolder } from "./WatchFolder";

/** 知识库: bases, adding files and folders, documents with status and 公文 metadata, search and preview. */
export function KnowledgeScreen() {
  const { t } = useTranslation();
  const { bases, vectorSearch, error, reload } = useBases();
  const [selected, setSelected] = useState<string | null>(null);
  const { documents, loading, reload: reloadDocs } = useDocuments(selected);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const base = bases.find((b) => b.name === selected) ?? null;

  useEffect(() => {
    if (selected === null && bases[0]) setSelected(bases[0].name);
    if (selected !== null && bases.length && !bases.some((b) => b.name === selected)) setSelected(bases[0]?.name ?? null);
  }, [bases, selected]);

  const refresh = useCallback(() => {
    void reload();
    void reloadDocs();
  }, [reload, reloadDocs]);

  return (
    <Screen title={t("knowledge.title")} testId="knowledge-screen">
      {error !== null && <Alert type="error" showIcon title={t("knowledge.loadFailed")} description={error || undefined} action={<Button onClick={() => void reload()}>{t("knowledge.reload")}</Button>} />}
      <ReextractBanner onDone={refresh} />
      <Alert data-testid="kb-vector-state" type={vectorSearch ? "success" : "info"} showIcon title={vectorSearch ? t("knowledge.vectorOn") : t("knowledge.vectorOff")} />
      <Flex gap="large" align="flex-start" wrap>
        <BaseList bases={bases} selected={selected} onSelect={setSelected} onChanged={reload} />
        {base && (
          <Flex vertical gap="middle" style={{ flex: 1, minWidth: 480 }}>
            <Flex gap="small" align="center">
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="kb-current">
                {base.name}
              </Typography.Title>
              {base.needsReembed && <Tag color="orange">{t("knowledge.reembed")}</Tag>}
            </Flex>
            <AddFiles base={base.name} onProgressTick={() => void reloadDocs()} onDone={refresh} />
            <WatchFolder base={base} onChanged={refresh} />
            <Divider style={{ margin: 0 }} />
            <SearchPanel base={base.name} onOpen={(documentId, page, passage) => setPreview({ documentId, page, passage })} />
            <Divider style={{ margin: 0 }} />
            <Typography.Text strong>{t("knowledge.docs.title")}</Typography.Text>
            <DocumentTable documents={documents} loading={loading} onChanged={refresh} onOpen={(d) => setPreview({ documentId: d.id, page: 1 })} />
          </Flex>
        )}
      </Flex>
      <PagePreview target={preview} onClose={() => setPreview(null)} testId="kb-preview" />
    </Screen>
  );
}
