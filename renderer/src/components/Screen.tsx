import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

/** The common frame of a screen: its title, then its content. */
export function Screen({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Flex vertical gap="middle" className="govdesk-screen" data-testid={testId}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {children}
    </Flex>
  );
}
