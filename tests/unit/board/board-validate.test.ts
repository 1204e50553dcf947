import { describe, expect, it } from "vitest";
import { configToBoard, removeSlot, setSlotModel, addSlot } from "@/lib/client/board-ops";
import { validateBoard, EMPTY_FINAL_MESSAGE, EMPTY_SLOT_MESSAGE } from "@/lib/client/board-validate";
import { LIMITS } from "@/lib/moa/limits";

const base = () =>
  configToBoard({ layers: [{ agents: [{ model: "sim:a" }, { model: "sim:b" }] }, { agents: [{ model: "sim:owl" }] }] });

describe("validateBoard", () => {
  it("accepts a complete board", () => {
    expect(validateBoard(base())).toEqual({ ok: true, problems: [], summary: "Ready to run" });
  });

  it("points at an empty proposer slot", () => {
    const result = validateBoard(addSlot(base(), 0));
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ layer: 0, slot: 2, message: EMPTY_SLOT_MESSAGE }]);
    expect(result.summary).toBe("Layer 1 slot 3: Slot empty: drag a model here");
  });

  it("names an empty final aggregator once, not also as a schema error", () => {
    const result = validateBoard(removeSlot(base(), 1, 0));
    expect(result.problems).toEqual([{ layer: 1, slot: 0, message: EMPTY_FINAL_MESSAGE }]);
  });

  it("reports a malformed custom model id at its slot", () => {
    const result = validateBoard(setSlotModel(base(), 0, 1, "no-colon"));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ layer: 0, slot: 1 });
    expect(result.problems[0].message).toMatch(/provider:model/);
  });

  it("maps a schema error past an empty slot to the slot the user sees", () => {
    let b = addSlot(base(), 0); // slot 3 empty
    b = addSlot(b, 0, "bad id with spaces"); // slot 4
    const result = validateBoard(b);
    expect(result.problems.map((p) => p.slot)).toEqual([2, 3]);
    expect(result.summary).toMatch(/and 1 more/);
  });

  it("enforces the layer limit", () => {
    const layers = Array.from({ length: LIMITS.maxLayers + 1 }, () => ({ agents: [{ model: "sim:a" }] }));
    const result = validateBoard(configToBoard({ layers }));
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.message.includes(`${LIMITS.maxLayers} layers`))).toBe(true);
  });

  it("flags a quorum larger than the layer", () => {
    const b = configToBoard({
      layers: [{ agents: [{ model: "sim:a" }], policy: { kind: "quorum", k: 3 } }, { agents: [{ model: "sim:owl" }] }],
    });
    expect(validateBoard(b).problems[0]).toMatchObject({ layer: 0 });
  });
});

describe("validateBoard with what this browser can reach", () => {
  const providers = [
    { id: "sim", name: "Simulated", available: true },
    { id: "openai", name: "OpenAI", available: false },
    { id: "ollama", name: "Ollama", available: false },
  ];
  const board = () => setSlotModel(base(), 0, 1, "openai:gpt-4o-mini");

  it("refuses a model whose provider has no server key and no pasted key, at its slot", () => {
    const result = validateBoard(board(), { providers, keys: {} });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([{ layer: 0, slot: 1, message: "No OpenAI key: add one in Settings or pick another model" }]);
  });

  it("accepts it once a key is pasted, or when the server has one", () => {
    expect(validateBoard(board(), { providers, keys: { openai: "sk-test" } }).ok).toBe(true);
    expect(validateBoard(board(), { providers: providers.map((p) => ({ ...p, available: true })), keys: {} }).ok).toBe(true);
  });

  it("does not offer a key for a server-side provider", () => {
    const result = validateBoard(setSlotModel(base(), 0, 0, "ollama:llama3.2"), { providers, keys: {} });
    expect(result.problems[0].message).toBe("Ollama is not reachable from this server: pick another model");
  });

  it("checks only the shape before the model list is known", () => {
    expect(validateBoard(board()).ok).toBe(true);
  });
});
