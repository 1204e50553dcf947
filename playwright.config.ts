import { defineConfig } from "@playwright/test";
import os from "node:os";
import path from "node:path";

const port = Number(process.env.E2E_PORT ?? 3123);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `moa-e2e-${process.pid}`);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  workers: 1,
  retries: 0,
  // Generous for a loaded 2-core CI machine; a test that needs it is still a slow test.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/playwright.json" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/models`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      MOA_DATA_DIR: dataDir,
      MOA_SIM_SPEED: process.env.MOA_SIM_SPEED ?? "4",
      // The fake upstream of the tests listens on loopback.
      MOA_ALLOW_PRIVATE_ENDPOINTS: "1",
      MOA_RATE_LIMIT_PER_MIN: "1000",
      MOA_RATE_LIMIT_BURST: "200",
      MOA_MAX_CONCURRENT_RUNS: "50",
    },
  },
});
