import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Formats a zod issue path as `config.layers[2].agents`. */
function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((out, part) => {
    if (typeof part === "number") return `${out}[${part}]`;
    return out ? `${out}.${String(part)}` : String(part);
  }, "");
}

/**
 * Parses `value` or throws a 400 whose message names the field(s) at fault, e.g.
 * `config.layers[2].agents: the last layer must have exactly one agent`.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const problems = issues.slice(0, 3).map((issue) => {
    const where = formatPath(prefix ? [prefix, ...issue.path] : issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  const field = String(prefix ?? issues[0]?.path[0] ?? "body");
  throw new AppError(`bad_request:${field}`, problems.join("; ") + more);
}

/** Reads a JSON body with a size cap, turning every failure into a clear 400. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  let text: string;
  try {
    text = await request.text();
  } catch (cause) {
    throw new AppError("bad_request:body", "Could not read the request body.", { cause });
  }
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge(maxBytes);
  if (text.trim() === "") throw new AppError("bad_request:body", "The request body is empty; send JSON.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request:body", "The request body is not valid JSON.");
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("bad_request:body_too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
}
