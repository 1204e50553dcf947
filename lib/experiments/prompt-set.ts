import type { ExperimentPrompt } from "./types";

/** Enough for AlpacaEval's 805 instructions: experiments run as server jobs, not in a tab. */
export const MAX_PROMPTS = 1000;

export interface ParsedPromptSet {
  prompts: ExperimentPrompt[];
  /** Problems worth showing, with the line or item they come from; parsing goes on past them. */
  errors: string[];
}

export type PromptFormat = "lines" | "json" | "jsonl" | "csv";

const PROMPT_FIELDS = ["prompt", "text", "content", "question", "instruction", "input"];

/** Guesses the format from the file name, else from the text itself. */
export function detectFormat(text: string, fileName?: string): PromptFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "json" || ext === "jsonl" || ext === "csv") return ext;
  if (ext === "ndjson") return "jsonl";
  const trimmed = text.trim();
  if (trimmed.startsWith("[") || (trimmed.startsWith("{") && !/}\s*\n\s*{/.test(trimmed))) return "json";
  if (trimmed.startsWith("{")) return "jsonl";
  return "lines";
}

/**
 * Reads prompts from pasted text or an uploaded file: one prompt per line, a JSON array (of
 * strings, or of objects with a `prompt`/`text`/`instruction` field and optional `id` and
 * `category`; AlpacaEval's `instruction` fits), JSON Lines, or CSV with a header row.
 */
export function parsePromptSet(text: string, fileName?: string): ParsedPromptSet {
  const format = detectFormat(text, fileName);
  const raw = format === "json" ? fromJson(text) : format === "jsonl" ? fromJsonLines(text) : format === "csv" ? fromCsv(text) : fromLines(text);
  return finish(raw);
}

interface RawItem {
  prompt?: string;
  id?: string;
  category?: string;
  where: string;
}

function finish({ items, errors }: { items: RawItem[]; errors: string[] }): ParsedPromptSet {
  const prompts: ExperimentPrompt[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const prompt = item.prompt?.trim();
    if (!prompt) {
      errors.push(`${item.where}: no prompt text`);
      continue;
    }
    if (prompts.length >= MAX_PROMPTS) {
      errors.push(`only the first ${MAX_PROMPTS} prompts are used`);
      break;
    }
    let id = item.id?.trim() || `p${prompts.length + 1}`;
    // Results are keyed by id: a repeated id gets a suffix rather than overwriting another prompt's results.
    for (let n = 2; seen.has(id); n++) id = `${item.id?.trim() || `p${prompts.length + 1}`}-${n}`;
    seen.add(id);
    prompts.push({ id, prompt, ...(item.category?.trim() ? { category: item.category.trim() } : {}) });
  }
  return { prompts, errors };
}

function fromLines(text: string) {
  const items = text
    .split(/\r?\n/)
    .map((line, i) => ({ prompt: line, where: `line ${i + 1}` }))
    .filter((item) => item.prompt.trim() !== "");
  return { items, errors: [] };
}

function fromValue(value: unknown, where: string): RawItem {
  if (typeof value === "string") return { prompt: value, where };
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const field = PROMPT_FIELDS.find((f) => typeof record[f] === "string");
    const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
    return { prompt: field ? (record[field] as string) : undefined, id: str(record.id), category: str(record.category), where };
  }
  return { where };
}

function fromJson(text: string) {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { items: [], errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  const list = Array.isArray(value) ? value : (value as { prompts?: unknown })?.prompts;
  if (!Array.isArray(list)) return { items: [], errors: ["expected a JSON array of prompts (or an object with a `prompts` array)"] };
  return { items: list.map((v, i) => fromValue(v, `item ${i + 1}`)), errors: [] };
}

function fromJsonLines(text: string) {
  const items: RawItem[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      items.push(fromValue(JSON.parse(line), `line ${i + 1}`));
    } catch {
      errors.push(`line ${i + 1}: not valid JSON`);
    }
  });
  return { items, errors };
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsvRows(text: string): { rows: string[][]; error?: string } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (quoted) return { rows, error: "a quoted field is never closed" };
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return { rows: rows.filter((r) => r.some((f) => f.trim() !== "")) };
}

function fromCsv(text: string) {
  const { rows, error } = parseCsvRows(text.replace(/^\uFEFF/, ""));
  const errors = error ? [`CSV: ${error}`] : [];
  if (rows.length === 0) return { items: [], errors: [...errors, "CSV: no rows"] };
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const promptCol = header.findIndex((h) => PROMPT_FIELDS.includes(h));
  // Without a recognised header, a one-column file is just prompts.
  if (promptCol < 0) {
    if (header.length === 1) return { items: rows.map((r, i) => ({ prompt: r[0], where: `row ${i + 1}` })), errors };
    return { items: [], errors: [...errors, `CSV: no "prompt" column in the header (${header.join(", ")})`] };
  }
  const idCol = header.indexOf("id");
  const categoryCol = header.indexOf("category");
  const items = rows.slice(1).map((r, i) => ({
    prompt: r[promptCol],
    id: idCol >= 0 ? r[idCol] : undefined,
    category: categoryCol >= 0 ? r[categoryCol] : undefined,
    where: `row ${i + 2}`,
  }));
  return { items, errors };
}
