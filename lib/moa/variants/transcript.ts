import type { ChatMessage } from "../conversation";

/**
 * The conversation as quoted text. Rankers and judges read it rather than take part in it:
 * handed over as real turns, a model tends to answer the user instead of grading.
 */
export function formatTranscript(conversation: ChatMessage[]): string {
  const turns = conversation
    .filter((m) => m.content.trim() !== "")
    .map((m) => `<${m.role}>\n${m.content}\n</${m.role}>`)
    .join("\n\n");
  return `<conversation>\n${turns}\n</conversation>`;
}

/** Reasoning models may think aloud before the verdict; the thinking must not be parsed. */
export function stripThinking(text: string): string {
  return text.replace(/<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi, "").trim();
}
