import { Button, Flex, List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CheckResult, Finding } from "../../../../electron/common/contracts/drafting";

const COLOR = { error: "red", warning: "orange", info: "blue" } as const;

/** Findings of a check: severity, message, the excerpt and, where there is one, a one-click fix. */
export function FindingList({ result, onFix, testId }: { result: CheckResult; onFix?: (f: Finding) => void; testId: string }) {
  const { t } = useTranslation();
  const s = result.stats;
  return (
    <Flex vertical gap="small" data-testid={testId}>
      <Typography.Text type="secondary" data-testid={`${testId}-stats`}>
        {result.findings.length === 0 ? t("draft.check.none") : t("draft.check.stats", { errors: s.errors, warnings: s.warnings, infos: s.infos })}
      </Typography.Text>
      <List
        size="small"
        dataSource={result.findings}
        renderItem={(f) => (
          <List.Item
            data-testid="draft-finding"
            data-rule={f.rule}
            actions={
              onFix && f.suggestion !== null
                ? [
                    <Button key="fix" size="small" onClick={() => onFix(f)} data-testid="draft-finding-fix">
                      {t("draft.check.fix")}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <span>
                <Tag color={COLOR[f.severity]}>{t(`draft.check.severity.${f.severity}`)}</Tag>
                <Typography.Text>{f.message}</Typography.Text>
              </span>
              {f.excerpt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  「{f.excerpt}」{f.suggestion !== null ? ` → 「${f.suggestion}」` : ""}
                </Typography.Text>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Flex>
  );
}
