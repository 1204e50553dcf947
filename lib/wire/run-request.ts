import { z } from "zod";
import { moaConfigSchema } from "@/lib/moa/config";
import { conversationSchema } from "@/lib/moa/conversation";
import { runKeysSchema } from "@/lib/wire/keys";
import { ownerSecretSchema } from "@/lib/wire/owner";

export const MAX_RUN_REQUEST_BYTES = 1_000_000;

/** `ranker`: the final agent only picks one of the previous layer's answers (the paper's LLM-Ranker baseline). */
export const runVariantSchema = z.enum(["moa", "ranker"]);

/** Body of `POST /api/runs`: the server parses it with this schema, the browser builds a `StartRunBody`. */
export const runRequestSchema = z.object({
  config: moaConfigSchema,
  messages: conversationSchema,
  keys: runKeysSchema.optional(),
  /** The browser's owner secret; one is made when absent. */
  owner: ownerSecretSchema.optional(),
  preset: z.string().max(80).optional(),
  variant: runVariantSchema.optional(),
  /** Teaching: pause before each layer ≥ 2 until `POST /api/runs/{id}/continue`. */
  stepThrough: z.boolean().optional(),
});

export type RunRequest = z.infer<typeof runRequestSchema>;
export type StartRunBody = z.input<typeof runRequestSchema>;
