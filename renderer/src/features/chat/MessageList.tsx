import { Flex, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChatMessage, Citation } from "../../../../electron/common/contracts/assistant";
import { loadingModel, useModelStates } from "../../state/model-states";
import { MessageBubble } from "./MessageBubble";
import { QuestionBubble } from "./QuestionBubble";
import { liveSpeed, toExchanges, type Exchange } from "./thread";
import type { Streaming } from "./use-chat";

interface Props {
  messages: ChatMessage[];
  streaming: Streaming | null;
  emptyHint: string;
  onCite: (c: Citation) => void;
  onCopy: (text: string) => void;
  onRegenerate: (question: string) => void;
  onEdit: (questionId: number, text: string) => void;
  onSelect: (answerId: number) => void;
  onDelete: (messageId: number) => void;
}

/** What the answer waits for before its first character: the job's stage, or the model loading by stage. */
function useWaitingText(streaming: Streaming | null): string | null {
  const { t } = useTranslation();
  const loading = useModelStates((s) => loadingModel(s.byPath));
  if (!streaming || streaming.text) return null;
  if (loading && loading.stage) {
    return t("chat.loadingModel", { name: loading.name, stage: t(`chat.loadStages.${loading.stage}`), percent: Math.round(loading.progress * 100) });
  }
  if (streaming.stage === "search") return t("chat.stages.search");
  if (streaming.stage === "model") return t("chat.stages.model");
  if (streaming.stage === "answer") return t("chat.stages.answer");
  return null;
}

/** Re-renders every half second while an answer streams, so 字/秒 stays current. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * The open conversation: each question with the version of its answer that is
 * shown (‹i/n›), and the answer being written, which replaces what it
 * regenerates or edits while it streams. Scrolls to the end as text arrives.
 */
export function MessageList({ messages, streaming, emptyHint, onCite, onCopy, onRegenerate, onEdit, onSelect, onDelete }: Props) {
  const bottom = useRef<HTMLDivElement>(null);
  const waiting = useWaitingText(streaming);
  const now = useNow(streaming !== null);
  const empty = messages.length === 0 && streaming === null;
  useEffect(() => {
    // Nothing to scroll to in an empty conversation: scrolling would only force a layout
    // while the window is still starting (issue 15: start-up).
    if (!empty) bottom.current?.scrollIntoView?.({ block: "end" });
  }, [empty, messages, streaming?.text, waiting]);

  let exchanges = toExchanges(messages);
  if (streaming?.mode === "edit") {
    const at = exchanges.findIndex((e) => e.question?.id === streaming.editOf);
    if (at >= 0) exchanges = exchanges.slice(0, at);
  }
  const lastIndex = exchanges.length - 1;
  const busy = streaming !== null;

  const answerOf = (ex: Exchange, i: number) => {
    if (streaming?.mode === "regenerate" && i === lastIndex) return null;
    const a = ex.answers[ex.shown];
    if (!a) return null;
    const go = (d: number): void => {
      const next = ex.answers[ex.shown + d];
      if (next) onSelect(next.id);
    };
    return (
      <MessageBubble
        key={`a${a.id}`}
        content={a.content}
        thought={a.thought}
        citations={a.citations}
        method={a.method}
        speed={a.speed}
        version={{ index: ex.shown, count: ex.answers.length, onPrev: () => go(-1), onNext: () => go(1) }}
        onCite={onCite}
        onCopy={() => onCopy(a.content)}
        onRegenerate={i === lastIndex && !busy && ex.question ? () => onRegenerate(ex.question!.content) : undefined}
        onDelete={busy ? undefined : () => onDelete(a.id)}
      />
    );
  };

  return (
    <Flex vertical gap="middle" style={{ flex: 1, minHeight: 0, overflowY: "auto", paddingInlineEnd: 4 }} data-testid="chat-messages" tabIndex={0} aria-label={emptyHint}>
      {exchanges.length === 0 && !streaming && <Typography.Text type="secondary">{emptyHint}</Typography.Text>}
      {exchanges.map((ex, i) => (
        <Flex vertical gap="middle" key={ex.question ? `q${ex.question.id}` : `a${ex.answers[0]?.id}`}>
          {ex.question && (
            <QuestionBubble
              content={ex.question.content}
              busy={busy}
              onEdit={(text) => onEdit(ex.question!.id, text)}
              onCopy={() => onCopy(ex.question!.content)}
              onDelete={() => onDelete(ex.question!.id)}
            />
          )}
          {answerOf(ex, i)}
        </Flex>
      ))}
      {streaming && (
        <>
          {streaming.mode !== "regenerate" && <QuestionBubble content={streaming.question} busy />}
          <MessageBubble content={streaming.text} thought={streaming.thought} streaming status={waiting} speed={liveSpeed(streaming.text.length, streaming.firstAt, now)} />
        </>
      )}
      <div ref={bottom} />
    </Flex>
  );
}
