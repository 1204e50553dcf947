/** Exit codes the CLI promises: scripts can tell a bad invocation from a run that failed. */
export const EXIT = { ok: 0, runFailed: 1, usage: 2, interrupted: 130 } as const;

export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
