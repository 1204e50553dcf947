import { expect, test } from "vitest";
import { retireFinished } from "@/lib/runs/process/finished-runs";
import { LiveRun } from "@/lib/runs/live-run";

test("finished runs kept for late viewers are bounded in number: the oldest goes first", () => {
  const liveRuns = new Map<string, LiveRun>();
  for (const id of ["a", "b", "c", "d"]) {
    liveRuns.set(id, new LiveRun(id));
    retireFinished(liveRuns, id, { ms: 60_000, max: 2 });
  }
  expect([...liveRuns.keys()]).toEqual(["c", "d"]);
});
