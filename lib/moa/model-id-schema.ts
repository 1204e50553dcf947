import { z } from "zod";
import { LIMITS } from "./limits";

/** `provider:model`, e.g. `openai:gpt-4o`, `sim:falcon`, `compat:qwen2.5-7b`. */
export const modelIdSchema = z
  .string()
  .max(LIMITS.maxModelIdChars, "model id is too long")
  .regex(/^[a-z][a-z0-9-]*:\S.*$/, 'model id must look like "provider:model"');
