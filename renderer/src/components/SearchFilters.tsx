import { Form, Input, Select, type FormRule } from "antd";
import { useTranslation } from "react-i18next";
import { FILTER_FORMATS, normaliseDate } from "./search-filters";

/**
 * The retrieval filter fields (format, 发文机关, 发文字号, 成文日期 range), to
 * be placed inside an antd Form whose values are FilterValues; toFilters()
 * turns those values into the contract's filters. Used by 知识库 search and 对话.
 */
export function SearchFilterFields({ testIdPrefix }: { testIdPrefix: string }) {
  const { t } = useTranslation();
  const date: FormRule = {
    validator: (_, v?: string) => (normaliseDate(v) === null ? Promise.reject(new Error(t("searchFilters.badDate"))) : Promise.resolve()),
  };
  return (
    <>
      <Form.Item name="format">
        <Select
          mode="multiple"
          allowClear
          aria-label={t("searchFilters.format")}
          placeholder={t("searchFilters.format")}
          style={{ minWidth: 120 }}
          data-testid={`${testIdPrefix}-format`}
          options={FILTER_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
        />
      </Form.Item>
      <Form.Item name="issuer">
        <Input aria-label={t("searchFilters.issuer")} placeholder={t("searchFilters.issuer")} data-testid={`${testIdPrefix}-issuer`} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="docNumber">
        <Input aria-label={t("searchFilters.docNumber")} placeholder={t("searchFilters.docNumber")} data-testid={`${testIdPrefix}-docNumber`} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="dateFrom" rules={[date]}>
        <Input aria-label={t("searchFilters.dateFrom")} placeholder={t("searchFilters.dateFrom")} title={t("searchFilters.datePlaceholder")} data-testid={`${testIdPrefix}-dateFrom`} style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="dateTo" rules={[date]}>
        <Input aria-label={t("searchFilters.dateTo")} placeholder={t("searchFilters.dateTo")} title={t("searchFilters.datePlaceholder")} data-testid={`${testIdPrefix}-dateTo`} style={{ width: 150 }} />
      </Form.Item>
    </>
  );
}
