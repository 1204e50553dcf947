import { describe, expect, it, vi } from "vitest";

describe("process-wide state", () => {
  it("survives a module reload (as in Next dev) and is made once, until forgotten", async () => {
    const first = await import("@/lib/process-global");
    const create = vi.fn(() => ({ opened: 0 }));
    const value = first.processGlobal("test-slot", create);
    value.opened += 1;

    vi.resetModules();
    const reloaded = await import("@/lib/process-global");
    expect(reloaded).not.toBe(first);
    expect(reloaded.processGlobal("test-slot", create)).toBe(value);
    expect(create).toHaveBeenCalledTimes(1);

    reloaded.forgetProcessGlobal("test-slot");
    expect(reloaded.processGlobal("test-slot", create)).toEqual({ opened: 0 });
    expect(create).toHaveBeenCalledTimes(2);
  });

  it("keeps one run registry for the SIGTERM hook and the routes, even when their modules load apart", async () => {
    const { registry } = await import("@/lib/runs/process/registry");
    vi.resetModules();
    const again = await import("@/lib/runs/process/registry");
    expect(again.registry).toBe(registry);
  });
});
