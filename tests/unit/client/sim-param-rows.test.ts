import { describe, expect, it } from "vitest";
import { paramRows } from "@/components/sim/param-rows";
import { simProfile } from "@/lib/providers/sim/profiles";

describe("rows of the sim parameters table", () => {
  it("lists every simulated model and marks the ones a run used", () => {
    const rows = paramRows(["sim:falcon?tps=400", "sim:owl"]);
    expect(rows.find((r) => r.key === "falcon")?.used).toBe(true);
    expect(rows.find((r) => r.key === "owl")?.used).toBe(true);
    expect(rows.find((r) => r.key === "heron")?.used).toBe(false);
  });

  it("adds a row for a tweaked model with the slot's values, and only the changed ones marked", () => {
    const rows = paramRows(["sim:owl?keep=0&catch=0&tps=400"]);
    const tweaked = rows.find((r) => r.key === "sim:owl?keep=0&catch=0&tps=400");
    const own = simProfile("owl").skill;
    expect(tweaked?.name).toBe("Owl (keep 0 · catch 0)");
    expect(tweaked?.skill).toEqual({ ...own, keep: 0, catch: 0 });
    expect([...(tweaked?.changed ?? [])].sort()).toEqual(["catch", "keep"]);
    // The untweaked Owl was not in this run.
    expect(rows.find((r) => r.key === "owl")?.used).toBe(false);
  });
});
