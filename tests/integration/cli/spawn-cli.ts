import { spawn } from "node:child_process";
import path from "node:path";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const bin = path.resolve(__dirname, "../../../bin/moa-playground.mjs");

/** The environment without anything that could reach a real provider. */
function offlineEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/(_API_KEY|_BASE_URL)$|^(MODELS_DIR|MOA_ACCESS_TOKEN|DATABASE_URL)$/.test(name)),
  );
  return { ...env, MOA_SIM_SPEED: "20", ...extra };
}

/** Runs `moa-playground` the way `npx moa-playground` does: through the bin script. */
export function runCli(args: string[], options: { env?: Record<string, string>; stdin?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: offlineEnv(options.env ?? {}) as NodeJS.ProcessEnv, cwd: options.cwd ?? process.cwd() });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? "");
  });
}
