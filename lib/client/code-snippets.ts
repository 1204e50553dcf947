import type { MoAConfig } from "@/lib/moa/config";

/**
 * Ready-to-run calls of a board through the OpenAI-compatible `/api/v1`: a saved board or
 * preset by its `moa/<slug>` model name, any other board inline as the `moa_config`
 * extension. Pure string building, so a test can run exactly what the dialog shows.
 */
export interface SnippetInput {
  /** e.g. `https://moa.example.com/api/v1` */
  baseUrl: string;
  config: MoAConfig;
  /** The saved board or preset this board is, if any. */
  slug?: string;
  prompt: string;
}

export interface Snippets {
  curl: string;
  typescript: string;
  python: string;
  json: string;
}

/** The model name for a board that is not saved: only a label, the board travels in `moa_config`. */
export const INLINE_MODEL = "moa/custom";

function body(input: SnippetInput): Record<string, unknown> {
  return {
    model: input.slug ? `moa/${input.slug}` : INLINE_MODEL,
    messages: [{ role: "user", content: input.prompt }],
    ...(!input.slug && { moa_config: input.config }),
  };
}

/** JSON as a Python literal: the same text but for true, false and null (outside strings). */
export function pythonLiteral(value: unknown, space = 4): string {
  return JSON.stringify(value, null, space).replace(/("(?:[^"\\]|\\.)*")|\b(true|false|null)\b/g, (match, str: string | undefined, word: string | undefined) => {
    if (str !== undefined) return str;
    return word === "true" ? "True" : word === "false" ? "False" : "None";
  });
}

function curl(input: SnippetInput): string {
  // Single quotes keep the shell away from the JSON; a quote inside it is closed, escaped, reopened.
  const json = JSON.stringify(body(input), null, 2).replace(/'/g, `'\\''`);
  return [
    `curl ${input.baseUrl}/chat/completions \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Authorization: Bearer $MOA_ACCESS_TOKEN" \\`,
    `  -d '${json}'`,
  ].join("\n");
}

function typescript(input: SnippetInput): string {
  const { model } = body(input);
  const lines = [
    `import OpenAI from "openai";`,
    ``,
    `const client = new OpenAI({`,
    `  baseURL: ${JSON.stringify(input.baseUrl)},`,
    `  // Only checked when the server sets MOA_ACCESS_TOKEN.`,
    `  apiKey: process.env.MOA_ACCESS_TOKEN ?? "not-needed",`,
    `});`,
    ``,
  ];
  if (!input.slug) lines.push(`const board = ${JSON.stringify(input.config, null, 2)};`, ``);
  lines.push(
    `const completion = await client.chat.completions.create({`,
    `  model: ${JSON.stringify(model)},`,
    `  messages: [{ role: "user", content: ${JSON.stringify(input.prompt)} }],`,
    ...(input.slug ? [] : [`  // @ts-expect-error moa_config is this server's extension: the board to run.`, `  moa_config: board,`]),
    `});`,
    ``,
    `console.log(completion.choices[0].message.content);`,
  );
  return lines.join("\n");
}

function python(input: SnippetInput): string {
  const { model } = body(input);
  const lines = [
    `import os`,
    `from openai import OpenAI`,
    ``,
    `client = OpenAI(`,
    `    base_url=${JSON.stringify(input.baseUrl)},`,
    `    # Only checked when the server sets MOA_ACCESS_TOKEN.`,
    `    api_key=os.environ.get("MOA_ACCESS_TOKEN", "not-needed"),`,
    `)`,
    ``,
  ];
  if (!input.slug) lines.push(`board = ${pythonLiteral(input.config)}`, ``);
  lines.push(
    `completion = client.chat.completions.create(`,
    `    model=${JSON.stringify(model)},`,
    `    messages=[{"role": "user", "content": ${JSON.stringify(input.prompt)}}],`,
    ...(input.slug ? [] : [`    extra_body={"moa_config": board},`]),
    `)`,
    ``,
    `print(completion.choices[0].message.content)`,
  );
  return lines.join("\n");
}

export function boardSnippets(input: SnippetInput): Snippets {
  return { curl: curl(input), typescript: typescript(input), python: python(input), json: JSON.stringify(input.config, null, 2) };
}

/** Key order does not make two boards differ (presets and saved boards are written by different code). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The slug of the saved board or preset that is exactly this board, if any. */
export function slugOfBoard(config: MoAConfig, entries: ReadonlyArray<{ slug: string; config: MoAConfig; builtIn?: boolean }>): string | undefined {
  const want = canonical(config);
  // A board saved by this browser is named first: it is the one the person chose to keep.
  const ordered = [...entries.filter((e) => !e.builtIn), ...entries.filter((e) => e.builtIn)];
  return ordered.find((e) => canonical(e.config) === want)?.slug;
}
