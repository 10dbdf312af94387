import { FilterOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Tag, Typography } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { SearchFiltersInput } from "../../../../electron/common/contracts/knowledge";
import { badDates, type FilterValues, filterCount, fromFilters, toFilters } from "../../components/search-filters";
import { SearchFilterFields } from "../../components/SearchFilters";

const NONE = fromFilters(undefined);

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
 * with a clear button, and the filter fields in a panel that folds away. The
 * form stays mounted when folded so half-typed values are kept; it owns the
 * values, starting empty, and reports them as filters.
 */
export function ChatFilters({ open, onOpenChange, value, onChange }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();
  const panelId = useId();
  const count = filterCount(value);

  function clear(): void {
    form.resetFields();
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
        <Form<FilterValues>
          form={form}
          layout="inline"
          size="small"
          initialValues={NONE}
          onValuesChange={(_, all) => onChange(toFilters(all), badDates(all).length > 0)}
          style={{ rowGap: 8 }}
        >
          <SearchFilterFields testIdPrefix="chat-filter" />
        </Form>
      </div>
    </Flex>
  );
}
