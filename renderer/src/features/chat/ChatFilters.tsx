import { FilterOutlined } from "@ant-design/icons";
import { Button, Flex, Tag, Typography } from "antd";
import { lazy, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SearchFiltersInput } from "../../../../electron/common/contracts/knowledge";
import { LazyWhen } from "../../components/LazyWhen";
import { filterCount } from "../../components/search-filters";

const ChatFilterPanel = lazy(() => import("./ChatFilterPanel").then((m) => ({ default: m.ChatFilterPanel })));

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The filters in force (what the next question is asked with). */
  value: SearchFiltersInput;
  /** New filters; `bad` when a typed date is not a date (the question must not go out as if it were unset). */
  onChange: (filters: SearchFiltersInput, bad: boolean) => void;
}

/**
 * 检索范围 beside the sender: a toggle, a tag counting the filters in force
 * with a clear button, and the filter fields in a panel that folds away
 * (ChatFilterPanel: loaded when first opened, then kept mounted when folded so
 * half-typed values are kept; clearing remounts it empty).
 */
export function ChatFilters({ open, onOpenChange, value, onChange }: Props) {
  const { t } = useTranslation();
  const panelId = useId();
  const [cleared, setCleared] = useState(0);
  const count = filterCount(value);

  function clear(): void {
    setCleared((n) => n + 1);
    onChange({}, false);
  }

  return (
    <Flex vertical gap="small">
      <Flex gap="small" align="center" wrap>
        <Button
          size="small"
          icon={<FilterOutlined />}
          type={open ? "primary" : "default"}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => onOpenChange(!open)}
          data-testid="chat-filters-toggle"
        >
          {t("searchFilters.label")}
        </Button>
        {count > 0 && (
          <>
            <Tag color="blue" data-testid="chat-filters-active" style={{ marginInlineEnd: 0 }}>
              {t("chat.filters.active", { count })}
            </Tag>
            <Button size="small" type="link" onClick={clear} data-testid="chat-filters-clear">
              {t("searchFilters.clear")}
            </Button>
          </>
        )}
      </Flex>
      <div id={panelId} hidden={!open} role="group" aria-label={t("searchFilters.label")} data-testid="chat-filters">
        <Typography.Text type="secondary" style={{ display: "block", marginBottom: 8 }}>
          {t("chat.filters.hint")}
        </Typography.Text>
        <LazyWhen when={open}>
          <ChatFilterPanel key={cleared} onChange={onChange} />
        </LazyWhen>
      </div>
    </Flex>
  );
}
