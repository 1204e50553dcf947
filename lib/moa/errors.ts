/**
 * A configuration the engine cannot run. The engine knows nothing of HTTP: whoever serves a
 * request maps this to its own answer (lib/errors.ts makes it a 400 `bad_request:config`).
 */
export class MoAConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MoAConfigError";
  }
}
