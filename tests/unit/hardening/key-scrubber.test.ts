import { describe, expect, it } from "vitest";
import type { RunEvent } from "@/lib/moa/events";
import { keyScrubber } from "@/lib/runs/key-scrubber";

const failed = (message: string, partialText = ""): RunEvent => ({
  type: "agent-failed", runId: "r", seq: 3, t: 10, layer: 0, agent: 1, kind: "bad_request", message, retryable: false, partialText,
});

describe("keyScrubber", () => {
  it("cuts the run's own keys out of every string of an event, whatever their shape", () => {
    const scrub = keyScrubber({ compat: "plain.secret.value", openai: "sk-abc-0123456789" });
    const out = scrub(failed("bad key plain.secret.value and sk-abc-0123456789", "echo plain.secret.value"));
    expect(out).toMatchObject({ message: "bad key [redacted] and [redacted]", partialText: "echo [redacted]", kind: "bad_request", seq: 3 });
  });

  it("also hides credentials written into a pasted base URL", () => {
    const scrub = keyScrubber({ compatBaseUrl: "https://alice:hunter2-long-password@llm.example.com/v1" });
    expect(scrub(failed("denied for hunter2-long-password"))).toMatchObject({ message: "denied for [redacted]" });
  });

  it("returns events without a key untouched, and leaves very short 'keys' alone", () => {
    const event = failed("nothing secret here: abc");
    expect(keyScrubber({ compat: "sk-live-0123456789" })(event)).toBe(event);
    expect(keyScrubber({ compat: "abc" })(event)).toBe(event);
    expect(keyScrubber(undefined)(event)).toBe(event);
  });
});
