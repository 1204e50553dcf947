import { z } from "zod";
import { LIMITS } from "./limits";

export const chatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string().max(LIMITS.maxConversationChars, "message is too long"),
});

export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A conversation sent to a run: at least one message, ending with the user's turn. */
export const conversationSchema = z
  .array(chatMessageSchema)
  .min(1, "the conversation needs at least one message")
  .max(LIMITS.maxMessages, `at most ${LIMITS.maxMessages} messages`)
  .refine((messages) => messages.at(-1)?.role === "user", "the last message must be the user's")
  .refine((messages) => messages.some((m) => m.role === "user" && m.content.trim() !== ""), "the prompt is empty")
  .refine(
    (messages) => messages.reduce((sum, m) => sum + m.content.length, 0) <= LIMITS.maxConversationChars,
    `the conversation is longer than ${LIMITS.maxConversationChars.toLocaleString("en-US")} characters`,
  );
