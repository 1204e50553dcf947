import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.MOA_STORE = "memory";
  process.env.MOA_SIM_SPEED = "50";
  delete process.env.MOA_ACCESS_TOKEN;
});

import { POST } from "@/app/api/v1/chat/completions/route";
import { boardSnippets, pythonLiteral, slugOfBoard } from "@/lib/client/code-snippets";
import type { MoAConfig } from "@/lib/moa/config";
import { serveRoutes } from "./route-server";

const run = promisify(execFile);
let server: Awaited<ReturnType<typeof serveRoutes>>;
let dir: string;

// Inside the worktree, so the snippet's `import OpenAI from "openai"` resolves like in a user's project.
beforeAll(async () => {
  server = await serveRoutes({ "POST /api/v1/chat/completions": POST });
  dir = await mkdtemp(path.join(process.cwd(), "node_modules", ".view-code-"));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const board: MoAConfig = {
  layers: [{ agents: [{ model: "sim:thinker", reasoningEffort: "low" }, { model: "sim:falcon", temperature: 0.4 }] }, { agents: [{ model: "sim:owl" }], readReasoning: true }],
};
const prompt = "Why is the sky blue? Answer 'briefly'.";

/** Type-strips the TypeScript snippet exactly as shown and runs it with node. */
async function runTypeScript(code: string): Promise<string> {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = path.join(dir, `snippet-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, js);
  const { stdout } = await run(process.execPath, [file], { timeout: 60_000 });
  return stdout.trim();
}

describe("View code: the generated calls of a board", () => {
  it("the TypeScript snippet of an unsaved board gets an answer from /api/v1 with the official openai client", async () => {
    const { typescript } = boardSnippets({ baseUrl: `${server.origin}/api/v1`, config: board, prompt });
    expect(typescript).toContain("moa_config: board");
    const answer = await runTypeScript(typescript);
    expect(answer.length).toBeGreaterThan(20);
    expect(answer).toMatch(/sky|blue|light/i);
  });

  it("the TypeScript snippet of a preset calls it by its slug", async () => {
    const { typescript } = boardSnippets({ baseUrl: `${server.origin}/api/v1`, config: board, slug: "moa-lite", prompt });
    expect(typescript).toContain('model: "moa/moa-lite"');
    expect(typescript).not.toContain("moa_config");
    expect((await runTypeScript(typescript)).length).toBeGreaterThan(20);
  });

  it("the curl snippet runs in a shell, quotes included", async () => {
    const { curl } = boardSnippets({ baseUrl: `${server.origin}/api/v1`, config: board, prompt });
    const { stdout } = await run("bash", ["-c", curl], { timeout: 60_000, env: { ...process.env, MOA_ACCESS_TOKEN: "" } });
    const body = JSON.parse(stdout) as { choices: Array<{ message: { content: string } }> };
    expect(body.choices[0].message.content.length).toBeGreaterThan(20);
  });

  it("an inline board that is not a valid board is refused by name", async () => {
    const response = await fetch(`${server.origin}/api/v1/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "moa/custom", messages: [{ role: "user", content: "hi" }], moa_config: { layers: [] } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { param: string } }).error.param).toBe("moa_config");
  });

  it("writes the board as a Python literal Python reads back to the same value", async () => {
    const tricky = { ...board, note: 'say "true" or null', flag: false, none: null } as unknown;
    const { stdout } = await run("python3", ["-c", `import ast, json, sys; print(json.dumps(ast.literal_eval(sys.argv[1]), sort_keys=True))`, pythonLiteral(tricky)]);
    expect(JSON.parse(stdout)).toEqual(tricky);
  });

  it("finds the saved board or preset that is exactly this board, key order aside", () => {
    const reordered = { layers: board.layers.map((l) => ({ readReasoning: l.readReasoning, agents: l.agents })) } as MoAConfig;
    expect(slugOfBoard(board, [{ slug: "mine", config: reordered }])).toBe("mine");
    expect(slugOfBoard(board, [{ slug: "other", config: { layers: [{ agents: [{ model: "sim:owl" }] }] } }])).toBeUndefined();
  });
});
