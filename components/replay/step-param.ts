type SearchParams = Record<string, string | string[] | undefined>;

const ON = /^(1|true|on|yes|)$/i;

/**
 * A shared run opens stepping through its layers when the link says so: `?step=1`, or
 * `?present=1` since a presenter walks a class through it. Plain module: the server page reads it.
 */
export function stepThroughFromParams(params: SearchParams): boolean {
  return ["step", "present"].some((name) => {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    return value !== undefined && ON.test(value);
  });
}
