import { Alert, App, Button, Collapse, Flex, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState, type HTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { BenchResult, ModelListItem } from "../../../../electron/common/contracts/models";
import { api, errorText, runJob } from "../../api";
import { Screen } from "../../components/Screen";
import { saveSettings } from "../../state/settings";
import { CatalogPanel } from "./CatalogPanel";
import { FitBadge } from "./FitBadge";
import { ImportForm } from "./ImportForm";
import { ModelDetails } from "./ModelDetails";
import { ModelSettings } from "./ModelSettings";
import { formatBytes } from "./format";
import { useModels } from "./use-models";

/** 模型: imported models with their fit on this machine; import, load, defaults, benchmark. */
export function ModelsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { models, machine, loading, error, reload } = useModels();
  const [selected, setSelected] = useState<string | null>(null);
  const [bench, setBench] = useState<{ id: string; result: BenchResult | null } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(id: string, fn: () => Promise<unknown>, success?: string): Promise<void> {
    setBusy(id);
    try {
      await fn();
      if (success) void message.success(success);
      await reload();
    } catch (e) {
      void message.error(errorText(e, t("models.actions.failed")));
    } finally {
      setBusy(null);
    }
  }

  async function runBench(m: ModelListItem): Promise<void> {
    setSelected(m.id);
    setBench({ id: m.id, result: null });
    try {
      const result = await runJob("models.bench", { id: m.id, tokens: 64 });
      setBench({ id: m.id, result });
    } catch (e) {
      setBench(null);
      void message.error(errorText(e, t("models.actions.failed")));
    }
  }

  const current = models.find((m) => m.id === selected) ?? null;
  return (
    <Screen title={t("models.title")} testId="models-screen">
      {machine && (
        <Typography.Text type="secondary" data-testid="models-machine">
          {t("models.machine", { backend: machine.backend, ram: formatBytes(machine.ramTotal), vram: formatBytes(machine.vramTotal) })}
          {machine.gpuDevices.length > 0 && t("models.machineGpu", { devices: machine.gpuDevices.join(", ") })}
        </Typography.Text>
      )}
      <ImportForm onImported={() => void reload()} />
      {error !== null && (
        <Alert type="error" showIcon title={t("models.loadFailed")} description={error || undefined} action={<Button onClick={() => void reload()}>{t("models.reload")}</Button>} />
      )}
      <Table<ModelListItem>
        data-testid="models-table"
        rowKey="id"
        loading={loading}
        dataSource={models}
        pagination={false}
        locale={{ emptyText: t("models.empty") }}
        onRow={(m) => ({ "data-testid": "model-row", "data-name": m.name }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t("models.columns.name"),
            render: (_, m) => (
              <Flex vertical gap={4}>
                <Typography.Text strong>{m.name}</Typography.Text>
                <Space size={4} wrap>
                  {m.defaultChat && <Tag color="purple">{t("models.tags.defaultChat")}</Tag>}
                  {m.defaultEmbedding && <Tag color="cyan">{t("models.tags.defaultEmbedding")}</Tag>}
                  {m.loaded && <Tag color="green">{t("models.tags.loaded")}</Tag>}
                </Space>
              </Flex>
            ),
          },
          { title: t("models.columns.quantization"), dataIndex: "quantization" },
          { title: t("models.columns.size"), render: (_, m) => formatBytes(m.sizeBytes) },
          {
            title: t("models.columns.role"),
            render: (_, m) => [m.roles.chat ? t("models.role.chat") : null, m.roles.embedding ? t("models.role.embedding") : null].filter(Boolean).join(" / "),
          },
          { title: t("models.columns.fit"), render: (_, m) => <FitBadge fit={m.fit} error={m.fitError} /> },
          {
            title: t("models.columns.actions"),
            render: (_, m) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => setSelected(m.id)}>
                  {t("models.actions.details")}
                </Button>
                {m.loaded ? (
                  <Button type="link" loading={busy === m.id} onClick={() => void act(m.id, () => api.call("models.unload", { id: m.id }))}>
                    {t("models.actions.unload")}
                  </Button>
                ) : (
                  <Button
                    type="link"
                    loading={busy === m.id}
                    onClick={() => void act(m.id, () => runJob("models.load", { id: m.id, role: m.roles.chat ? "chat" : "embedding" }), t("models.actions.loaded"))}
                  >
                    {t("models.actions.load")}
                  </Button>
                )}
                {m.roles.chat && !m.defaultChat && (
                  <Button type="link" onClick={() => void act(m.id, () => saveSettings({ defaultChatModelId: m.id }))}>
                    {t("models.actions.setChat")}
                  </Button>
                )}
                {m.roles.embedding && !m.defaultEmbedding && (
                  <Button type="link" onClick={() => void act(m.id, () => saveSettings({ defaultEmbeddingModelId: m.id }))}>
                    {t("models.actions.setEmbedding")}
                  </Button>
                )}
                <Button type="link" data-testid="model-bench-start" onClick={() => void runBench(m)}>
                  {t("models.actions.bench")}
                </Button>
                <Popconfirm title={t("models.actions.removeConfirm")} onConfirm={() => void act(m.id, () => api.call("models.remove", { id: m.id }))}>
                  <Button type="link" danger>
                    {t("models.actions.remove")}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Collapse
        items={[
          { key: "catalog", label: t("models.catalog.title"), children: <CatalogPanel /> },
          { key: "settings", label: t("models.settings.title"), children: <ModelSettings onSaved={() => void reload()} /> },
        ]}
      />
      <ModelDetails
        model={current}
        bench={bench && bench.id === selected ? bench.result : null}
        benchRunning={bench !== null && bench.id === selected && bench.result === null}
        onClose={() => setSelected(null)}
      />
    </Screen>
  );
}
