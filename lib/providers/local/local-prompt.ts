import "server-only";
import type { LanguageModelV3Prompt, SharedV3Warning } from "@ai-sdk/provider";
import type { ChatHistoryItem } from "node-llama-cpp";

export interface LocalPrompt {
  history: ChatHistoryItem[];
  /** Text of a trailing assistant message the model continues instead of starting a new turn. */
  assistantPrefix: string;
  warnings: SharedV3Warning[];
}

/**
 * AI SDK prompt → node-llama-cpp chat history. Text only: local models here take no files or
 * tools. A prompt that ends with an assistant message is continued from that text (useful
 * for letting an aggregator start from a partial answer).
 */
export function toLocalPrompt(prompt: LanguageModelV3Prompt): LocalPrompt {
  const history: ChatHistoryItem[] = [];
  const dropped = new Set<string>();
  for (const message of prompt) {
    if (message.role === "system") {
      history.push({ type: "system", text: message.content });
      continue;
    }
    if (message.role === "tool") {
      dropped.add("tool results");
      continue;
    }
    let text = "";
    for (const part of message.content) {
      if (part.type === "text") text += part.text;
      else dropped.add(`${part.type} parts`);
    }
    if (message.role === "user") history.push({ type: "user", text });
    else history.push({ type: "model", response: [text] });
  }

  const last = history.at(-1);
  let assistantPrefix = "";
  if (last?.type === "model") assistantPrefix = last.response.join("");
  else history.push({ type: "model", response: [] });

  const warnings: SharedV3Warning[] = [...dropped].map((feature) => ({
    type: "unsupported",
    feature,
    details: "local models receive the text of the conversation only",
  }));
  return { history, assistantPrefix, warnings };
}
