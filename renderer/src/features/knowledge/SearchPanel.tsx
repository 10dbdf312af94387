import { App, Button, Empty, Flex, Form, Input, List, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { KbHit } from "../../../../electron/common/contracts/knowledge";
import { api, errorText } from "../../api";
import { type FilterValues, toFilters } from "../../components/search-filters";
import { SearchFilterFields } from "../../components/SearchFilters";
import { whereText } from "../../components/where";
import { snippetParts, snippetPassage } from "./snippet-parts";

interface SearchForm extends FilterValues {
  query: string;
}

/** Search box with filters; hits with highlighted snippets; a hit opens the preview at its page. */
export function SearchPanel({ base, onOpen }: { base: string; onOpen: (documentId: number, page: number, passage?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [hits, setHits] = useState<KbHit[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function search(v: SearchForm): Promise<void> {
    if (!v.query?.trim()) return;
    setBusy(true);
    try {
      setHits((await api.call("kb.search", { name: base, query: v.query.trim(), k: 10, filters: toFilters(v) })).hits);
    } catch (e) {
      void message.error(errorText(e, t("knowledge.failed")));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex vertical gap="small">
      <Typography.Text strong>{t("knowledge.search.title")}</Typography.Text>
      <Form<SearchForm> layout="inline" onFinish={(v) => void search(v)}>
        <Form.Item name="query" style={{ flex: 1, minWidth: 240 }}>
          <Input data-testid="kb-search-input" placeholder={t("knowledge.search.placeholder")} allowClear />
        </Form.Item>
        <SearchFilterFields testIdPrefix="kb-search" />
        <Button data-testid="kb-search-run" type="primary" htmlType="submit" loading={busy}>
          {t("knowledge.search.run")}
        </Button>
      </Form>
      {hits !== null &&
        (hits.length === 0 ? (
          <Empty description={t("knowledge.search.empty")} />
        ) : (
          <List
            data-testid="kb-hits"
            size="small"
            dataSource={hits}
            renderItem={(h) => (
              <List.Item data-testid="kb-hit" actions={[<Button key="o" type="link" size="small" data-testid="kb-hit-open" onClick={() => onOpen(h.documentId, h.page, snippetPassage(h.snippet))}>{t("knowledge.search.open")}</Button>]}>
                <List.Item.Meta
                  title={
                    <Space>
                      <span>{h.title}</span>
                      <Typography.Text type="secondary">{whereText(t, h)}</Typography.Text>
                    </Space>
                  }
                  description={
                    <span data-testid="kb-hit-snippet">
                      {snippetParts(h.snippet).map((p, i) => (p.mark ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {h.path}
                      </Typography.Text>
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        ))}
    </Flex>
  );
}
