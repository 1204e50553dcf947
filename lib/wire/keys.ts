import { z } from "zod";

/**
 * Credentials a user pastes in the browser and sends with one run. Used for that run only:
 * never stored, logged, echoed back or put into an event.
 */
const key = z.string().trim().min(1).max(500, "key is too long");

export const runKeysSchema = z
  .object({
    openai: key.optional(),
    anthropic: key.optional(),
    together: key.optional(),
    groq: key.optional(),
    openrouter: key.optional(),
    compat: key.optional(),
    /** Base URL of an OpenAI-compatible server, e.g. http://localhost:8000/v1 */
    compatBaseUrl: z.url("compatBaseUrl must be a URL").max(500).optional(),
  })
  .strict();

export type RunKeys = z.infer<typeof runKeysSchema>;
