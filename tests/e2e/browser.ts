/**
 * Which Chromium the browser tests drive. In order: `KEHU_CHROMIUM` (any path), Debian's
 * `/usr/bin/chromium` (what CI installs), then Playwright's own downloaded browser on a laptop.
 * The flags keep Chromium off the network this machine does not have.
 */
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function bundledChromium(): string {
  try {
    return chromium.executablePath();
  } catch {
    return '';
  }
}

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.KEHU_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`KEHU_CHROMIUM points to ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  if (existsSync(bundledChromium())) return undefined;
  throw new Error(
    "No Chromium found. Install Debian's (`apt-get install -y chromium`), run `npx playwright install chromium`, " +
      'or set KEHU_CHROMIUM to a Chromium or Chrome executable.',
  );
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = chromiumExecutable();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
