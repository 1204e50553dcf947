import { describe, expect, it } from "vitest";
import { plural } from "@/lib/plural";

describe("plural", () => {
  it("says 1 agent, 0 and 3 agents", () => {
    expect(plural(1, "agent")).toBe("1 agent");
    expect(plural(0, "agent")).toBe("0 agents");
    expect(plural(3, "agent")).toBe("3 agents");
  });

  it("takes an irregular plural, a bare noun and groups thousands", () => {
    expect(plural(2, "reply", { many: "replies" })).toBe("2 replies");
    expect(plural(1, "answer", { bare: true })).toBe("answer");
    expect(plural(1200, "token")).toBe("1,200 tokens");
  });
});
