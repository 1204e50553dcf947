import { afterEach, describe, expect, it, vi } from "vitest";
import { keysToResend, resumeExperimentJob, RESUME_EVERY_MS, startExperimentJob } from "@/lib/client/experiments/job-client";
import type { ExperimentPlan } from "@/lib/experiments/types";

const KEYS = { compat: "sk-mine-0123456789", compatBaseUrl: "https://llm.example.com/v1" };
const OWNER = "o".repeat(43);

afterEach(() => vi.unstubAllGlobals());

function stubFetch(answer: unknown = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(answer), { status: 200 });
  });
  return calls;
}

describe("the experiments page and pasted keys", () => {
  it("sends the Settings keys with the job it starts", async () => {
    const calls = stubFetch({ id: "e1", total: 2 });
    await startExperimentJob({ id: "x" } as ExperimentPlan, OWNER, undefined, KEYS);
    expect(JSON.parse(String(calls[0].init.body))).toMatchObject({ owner: OWNER, keys: KEYS });
    await startExperimentJob({ id: "x" } as ExperimentPlan, OWNER, 5);
    expect(JSON.parse(String(calls[1].init.body))).not.toHaveProperty("keys");
    expect(JSON.parse(String(calls[1].init.body))).toMatchObject({ budgetUsd: 5 });
  });

  it("resumes with the keys in the body and the owner secret in the header, never in the URL", async () => {
    const calls = stubFetch({ status: "running" });
    await resumeExperimentJob("e1", OWNER, KEYS);
    expect(calls[0].url).toBe("/api/experiments/e1/resume");
    expect(calls[0].url).not.toContain(KEYS.compat);
    expect((calls[0].init.headers as Record<string, string>)["x-moa-owner"]).toBe(OWNER);
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ keys: KEYS });
  });

  it("re-sends keys only to a paused job, only as its owner, only with keys, at most every few seconds", () => {
    const paused = { status: "paused", access: "owner" as const };
    expect(keysToResend(paused, KEYS, 0, RESUME_EVERY_MS)).toEqual(KEYS);
    expect(keysToResend(paused, KEYS, 1, RESUME_EVERY_MS)).toBeUndefined();
    expect(keysToResend({ ...paused, access: "read" }, KEYS, 0, RESUME_EVERY_MS)).toBeUndefined();
    expect(keysToResend({ ...paused, status: "running" }, KEYS, 0, RESUME_EVERY_MS)).toBeUndefined();
    expect(keysToResend(paused, undefined, 0, RESUME_EVERY_MS)).toBeUndefined();
  });
});
