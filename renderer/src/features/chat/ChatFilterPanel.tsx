import { Form } from "antd";
import { badDates, type FilterValues, fromFilters, toFilters } from "../../components/search-filters";
import { SearchFilterFields } from "../../components/SearchFilters";
import type { SearchFiltersInput } from "../../../../electron/common/contracts/knowledge";

const NONE = fromFilters(undefined);

/**
 * 检索范围's fields (a form that owns the values, starting empty, and reports
 * them as filters). Loaded and mounted when the panel is first opened, not
 * with the window's first screen (issue 15: ~100 components and antd's Form
 * that a start does not show); ChatFilters keeps it mounted after that, so
 * half-typed values survive folding, and remounts it to clear it.
 */
export function ChatFilterPanel({ onChange }: { onChange: (filters: SearchFiltersInput, bad: boolean) => void }) {
  return (
    <Form<FilterValues>
      layout="inline"
      size="small"
      initialValues={NONE}
      onValuesChange={(_, all) => onChange(toFilters(all), badDates(all).length > 0)}
      style={{ rowGap: 8 }}
    >
      <SearchFilterFields testIdPrefix="chat-filter" />
    </Form>
  );
}
