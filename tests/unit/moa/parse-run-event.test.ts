import { describe, expect, it } from "vitest";
import { parseRunEvent, runEventSchema } from "@/lib/moa/events";

const delta = { type: "agent-delta", runId: "r1", seq: 7, t: 12.5, layer: 0, agent: 3, text: "word " };

/** Every way a delta off the wire can be right or wrong, one field at a time. */
const BAD_VALUES: Record<string, unknown[]> = {
  runId: [undefined, 1, null],
  seq: [undefined, -1, 1.5, "7", Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60],
  t: [undefined, -0.5, "1", Number.NaN, Number.POSITIVE_INFINITY],
  layer: [undefined, -1, 0.5, "0"],
  agent: [undefined, -2, Number.NEGATIVE_INFINITY, null],
  text: [undefined, 5, null, {}],
};

function variants(): unknown[] {
  const out: unknown[] = [null, 3, "x", [], { ...delta, type: "agent-deltas" }];
  for (const type of ["agent-delta", "agent-reasoning-delta"]) {
    out.push({ ...delta, type }, { ...delta, type, t: 0, seq: 0, text: "" }, { ...delta, type, extra: "dropped", nested: { a: 1 } });
    for (const [field, values] of Object.entries(BAD_VALUES)) for (const value of values) out.push({ ...delta, type, [field]: value });
  }
  return out;
}

describe("parseRunEvent: the hand-checked fast path for token deltas", () => {
  it("accepts and rejects exactly what the schema does, and returns what the schema returns", () => {
    const cases = variants();
    expect(cases.length).toBeGreaterThan(50);
    for (const value of cases) {
      const schema = runEventSchema.safeParse(value);
      expect(parseRunEvent(value), JSON.stringify(value)).toEqual(schema.success ? schema.data : null);
    }
  });

  it("drops unknown keys from a delta, as the schema does", () => {
    expect(parseRunEvent({ ...delta, extra: "x" })).toEqual(delta);
    expect(Object.keys(parseRunEvent({ ...delta, extra: "x" }) ?? {})).not.toContain("extra");
  });

  it("sends every other event through the schema", () => {
    expect(parseRunEvent({ type: "layer-started", runId: "r1", seq: 1, t: 0, layer: 0 })).toEqual({ type: "layer-started", runId: "r1", seq: 1, t: 0, layer: 0 });
    expect(parseRunEvent({ type: "layer-started", runId: "r1", seq: 1, t: 0, layer: -1 })).toBeNull();
  });
});
