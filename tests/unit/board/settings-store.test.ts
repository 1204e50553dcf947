import { beforeEach, describe, expect, it } from "vitest";
import { useSettingsStore } from "@/lib/client/settings-store";

const state = () => useSettingsStore.getState();

describe("settings store", () => {
  beforeEach(() => state().clearKeys());

  it("keeps pasted keys trimmed and drops a cleared one", () => {
    state().setKey("openai", "  sk-abc  ");
    state().setKey("groq", "gsk_1");
    state().setKey("groq", "");
    expect(state().keys).toEqual({ openai: "sk-abc" });
  });

  it("sends only well-formed entries with a run", () => {
    expect(state().runKeys()).toBeUndefined();
    state().setKey("together", "tg-1");
    state().setCompatBaseUrl("localhost:8000"); // not a URL yet: the user is still typing
    expect(state().runKeys()).toEqual({ together: "tg-1" });
    state().setCompatBaseUrl("http://localhost:8000/v1");
    expect(state().runKeys()).toEqual({ together: "tg-1", compatBaseUrl: "http://localhost:8000/v1" });
  });

  it("persists keys under moa-settings-v1 in browser storage", async () => {
    state().setKey("anthropic", "sk-ant-1");
    const stored = await useSettingsStore.persist.getOptions().storage?.getItem("moa-settings-v1");
    expect(stored?.state).toEqual({ keys: { anthropic: "sk-ant-1" } });
  });
});
