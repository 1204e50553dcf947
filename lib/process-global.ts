const SLOTS_KEY = Symbol.for("moa-playground.process");

type Holder = typeof globalThis & { [SLOTS_KEY]?: Map<string, unknown> };

/**
 * State that must exist once per server process. Next dev re-evaluates modules on every edit,
 * and bundles instrumentation.ts apart from the route handlers, so a module-level variable is
 * neither kept across reloads nor shared between the SIGTERM hook and the routes. Every such
 * value lives here, on globalThis under one symbol, by name; `create` runs on first use only.
 * A value that must be reset (a closed database, a stopped timer) is an object whose fields change.
 */
export function processGlobal<T>(name: string, create: () => T): T {
  const holder = globalThis as Holder;
  const slots = (holder[SLOTS_KEY] ??= new Map());
  if (!slots.has(name)) slots.set(name, create());
  return slots.get(name) as T;
}

/** Drops a value so that the next `processGlobal` call creates it again (for tests that change the env). */
export function forgetProcessGlobal(name: string): void {
  (globalThis as Holder)[SLOTS_KEY]?.delete(name);
}
