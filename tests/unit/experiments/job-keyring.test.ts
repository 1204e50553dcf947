import { afterEach, describe, expect, it, vi } from "vitest";
import { keyWaitPlan } from "@/lib/experiments/jobs/key-wait";
import { dropKeys, forgetAllKeys, holdKeys, keyringTtlMs, keysFor } from "@/lib/experiments/jobs/keyring";
import { createExperimentRequestSchema, experimentSpecSchema, keysUsedBy, specOf } from "@/lib/experiments/jobs/spec";
import type { ExperimentPlan } from "@/lib/experiments/types";

const KEYS = { openai: "sk-test-0123456789", compatBaseUrl: "https://llm.example.com/v1" };

const plan: ExperimentPlan = {
  id: "x",
  name: "p",
  createdAt: "2026-01-01T00:00:00.000Z",
  prompts: [{ id: "q1", prompt: "Why?" }],
  variants: [
    { id: "a", label: "A", variant: "moa", config: { layers: [{ agents: [{ model: "openai:gpt-4o" }] }] } },
    { id: "b", label: "B", variant: "moa", config: { layers: [{ agents: [{ model: "sim:heron" }] }] } },
  ],
  reference: "b",
  judge: "sim:owl",
};

afterEach(() => {
  forgetAllKeys();
  vi.unstubAllEnvs();
});

describe("experiment keyring", () => {
  it("holds a job's keys until their time is up, then forgets them", () => {
    holdKeys("e1", KEYS, 1_000);
    const ttl = keyringTtlMs();
    expect(keysFor("e1", 1_000 + ttl - 1)).toEqual(KEYS);
    expect(keysFor("e1", 1_000 + ttl)).toBeUndefined();
    // Gone for good, not only hidden: an earlier clock does not bring them back.
    expect(keysFor("e1", 1_000)).toBeUndefined();
  });

  it("a resume starts the time again; an ended job lets them go; one job's keys are not another's", () => {
    holdKeys("e1", KEYS, 0);
    holdKeys("e1", KEYS, 5_000);
    expect(keysFor("e1", keyringTtlMs() + 1)).toEqual(KEYS);
    expect(keysFor("e2")).toBeUndefined();
    dropKeys("e1");
    expect(keysFor("e1")).toBeUndefined();
  });

  it("reads MOA_JOB_KEYS_TTL_S, defaulting to 12 hours", () => {
    expect(keyringTtlMs({})).toBe(12 * 3600 * 1000);
    expect(keyringTtlMs({ MOA_JOB_KEYS_TTL_S: "90" })).toBe(90_000);
    expect(keyringTtlMs({ MOA_JOB_KEYS_TTL_S: "never" })).toBe(12 * 3600 * 1000);
  });
});

describe("a job's spec names its pasted keys, never holds them", () => {
  it("stores the names only", () => {
    const spec = experimentSpecSchema.parse(specOf(plan, undefined, KEYS));
    expect(spec.pastedKeys).toEqual(["openai", "compatBaseUrl"]);
    expect(JSON.stringify(spec)).not.toContain(KEYS.openai);
    expect(specOf(plan).pastedKeys).toBeUndefined();
  });

  it("keeps only the keys the plan's models use: a sim-only job on a browser with keys waits for none", () => {
    const all = { ...KEYS, anthropic: "sk-ant-0123456789", compat: "sk-compat-0123456789" };
    expect(keysUsedBy(plan, all)).toEqual({ openai: KEYS.openai });
    const simOnly = { ...plan, variants: plan.variants.map((v) => ({ ...v, config: { layers: [{ agents: [{ model: "sim:heron" }] }] } })) };
    expect(keysUsedBy(simOnly, all)).toBeUndefined();
    const compatJudge = { ...simOnly, judge: "compat:judge" };
    expect(keysUsedBy(compatJudge, all)).toEqual({ compatBaseUrl: KEYS.compatBaseUrl, compat: all.compat });
    expect(keysUsedBy(plan, undefined)).toBeUndefined();
  });

  it("takes keys in the start request in the run's shape, and nothing unknown", () => {
    expect(createExperimentRequestSchema.safeParse({ plan, keys: KEYS }).success).toBe(true);
    expect(createExperimentRequestSchema.safeParse({ plan, keys: { mistral: "x".repeat(20) } }).success).toBe(false);
  });
});

describe("a unit that reaches a worker without its job's keys", () => {
  it("pauses the job at once with PGlite, where this process is the only one, and waits long", () => {
    expect(keyWaitPlan(false, "running", 1)).toEqual({ pause: true, delayS: 300 });
    expect(keyWaitPlan(false, "paused", 1)).toEqual({ pause: false, delayS: 300 });
  });

  it("in a cluster is offered again soon (another instance may hold the keys), and pauses the job only after many tries", () => {
    expect(keyWaitPlan(true, "running", 1)).toEqual({ pause: false, delayS: 5 });
    expect(keyWaitPlan(true, "running", 11)).toEqual({ pause: false, delayS: 5 });
    expect(keyWaitPlan(true, "running", 12)).toEqual({ pause: true, delayS: 300 });
    expect(keyWaitPlan(true, "paused", 1)).toEqual({ pause: false, delayS: 300 });
  });
});
