import type { Page } from "@playwright/test";

const BOARD_KEY = "moa-board-v1";

/**
 * Seeds the slot board through its persisted localStorage state, as the playground would
 * have left it: one list of model ids per layer.
 */
export async function seedBoard(page: Page, layers: string[][]): Promise<void> {
  const state = {
    version: 1,
    state: {
      layers: layers.map((models, l) => ({
        layerId: `layer-${l}`,
        slots: models.map((model, s) => ({ slotId: `slot-${l}-${s}`, model })),
      })),
    },
  };
  await page.addInitScript(
    ([key, value]) => {
      // Only once per test: a reload must keep what the page itself stored since.
      if (!sessionStorage.getItem("seeded")) {
        localStorage.clear();
        localStorage.setItem(key, value);
        sessionStorage.setItem("seeded", "1");
      }
    },
    [BOARD_KEY, JSON.stringify(state)] as const,
  );
}
