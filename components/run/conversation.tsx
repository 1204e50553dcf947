"use client";

import type { ComponentType } from "react";
import { cn } from "@/components/ui/cn";
import type { MarkdownTextProps } from "@/components/ui/markdown";
import type { ChatMessage } from "@/lib/moa/conversation";

export interface ConversationProps {
  messages: ChatMessage[];
  /** Renders the assistant's turns: MarkdownText, or LazyMarkdownText where it may load later. */
  markdown: ComponentType<MarkdownTextProps>;
}

/** Earlier turns of a multi-turn conversation, plus the prompt of the current turn. */
export function Conversation({ messages, markdown: Markdown }: ConversationProps) {
  if (messages.length === 0) return null;
  return (
    <ol className="flex flex-col gap-3" aria-label="Conversation">
      {messages.map((m, i) => (
        <li key={i} className={cn("flex", m.role === "user" ? "justify-end" : "justify-start")}>
          <div
            className={cn(
              "max-w-[min(44rem,92%)] rounded-2xl px-4 py-2.5",
              m.role === "user" ? "bg-accent/10 text-fg" : "border border-line bg-surface",
            )}
          >
            <p className="mb-0.5 text-[11px] font-medium tracking-wide text-muted uppercase">
              {m.role === "user" ? "You" : m.role === "assistant" ? "MoA" : "System"}
            </p>
            {m.role === "user" ? (
              <p className="text-sm whitespace-pre-wrap">{m.content}</p>
            ) : (
              <Markdown text={m.content} />
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
