import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/browser';

const port = Number(process.env.KEHU_BENCH_PORT ?? 4399);

// `npm run bench` (tests/bench/bench.mjs) builds first, then runs this with one worker, no retries.
export default defineConfig({
  testDir: '.',
  testMatch: ['bench.spec.ts', 'duplicate-finder.spec.ts'],
  workers: 1,
  retries: 0,
  reporter: [['line']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: chromiumLaunchOptions(),
    headless: true,
  },
  webServer: {
    command: `node tests/bench/serve.mjs`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/bench/`,
    reuseExistingServer: false,
    env: { KEHU_BENCH_PORT: String(port) },
  },
});
