import { parseArgs } from "node:util";
import { CliError } from "./cli-error";

export const USAGE = `Usage: moa-playground run "<prompt>" [options]
       moa-playground presets | models

Runs a Mixture-of-Agents board in this process (no web server) and prints the answer.

Board (pick one; default --preset moa-lite):
  --preset <id>          moa | moa-gpt-4o | moa-lite | single, mapped to the models you can reach
  --config <file.json>   a MoAConfig ({ "layers": [...] }) or a saved config ({ "config": {...} })
Overrides:
  --model <id>           use this model for every agent, e.g. sim:owl or openai:gpt-4o-mini
  --proposers <a,b,c>    the agents of every layer before the last
  --aggregator <id>      the final aggregator
  --max-tokens <n>       per-agent output limit
  --temperature <t>      for every agent
  --system <text>        a system message before the prompt
Output:
  --json                 print the full run record (events, agents, final text) as JSON
  --quiet                no progress on stderr
  -h, --help

The prompt may also come from stdin ("-" or no prompt with piped input).
Provider keys come from the environment (OPENAI_API_KEY, …); sim:* models need none.
Exit codes: 0 answered, 1 the run failed, 2 bad arguments or config, 130 interrupted.`;

export interface CliOptions {
  command: "run" | "presets" | "models" | "help";
  prompt?: string;
  preset?: string;
  configFile?: string;
  model?: string;
  proposers?: string[];
  aggregator?: string;
  maxTokens?: number;
  temperature?: number;
  system?: string;
  json: boolean;
  quiet: boolean;
}

function number(name: string, raw: string | undefined, check: (n: number) => boolean, rule: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || !check(value)) throw new CliError(`--${name} must be ${rule}, got "${raw}"`);
  return value;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        preset: { type: "string" },
        config: { type: "string" },
        model: { type: "string" },
        proposers: { type: "string" },
        aggregator: { type: "string" },
        "max-tokens": { type: "string" },
        temperature: { type: "string" },
        system: { type: "string" },
        json: { type: "boolean", default: false },
        quiet: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\nRun moa-playground --help for the options.`);
  }
  const { values, positionals } = parsed;
  const [command = "help", ...rest] = positionals;
  if (values.help || command === "help") return { command: "help", json: false, quiet: false };
  if (command === "presets" || command === "models") return { command, json: values.json, quiet: values.quiet };
  if (command !== "run") throw new CliError(`unknown command "${command}": use run, presets or models (see --help)`);
  if (rest.length > 1) throw new CliError(`give the prompt as one argument (quote it); got ${rest.length} words`);
  if (values.preset !== undefined && values.config !== undefined) throw new CliError("use either --preset or --config, not both");

  const list = (raw: string | undefined) => raw?.split(",").map((s) => s.trim()).filter(Boolean);
  const proposers = list(values.proposers);
  if (proposers && proposers.length === 0) throw new CliError("--proposers needs at least one model id");
  return {
    command: "run",
    prompt: rest[0],
    preset: values.preset,
    configFile: values.config,
    model: values.model,
    proposers,
    aggregator: values.aggregator,
    maxTokens: number("max-tokens", values["max-tokens"], (n) => Number.isInteger(n) && n >= 1, "a whole number ≥ 1"),
    temperature: number("temperature", values.temperature, (n) => n >= 0 && n <= 2, "between 0 and 2"),
    system: values.system,
    json: values.json,
    quiet: values.quiet,
  };
}
