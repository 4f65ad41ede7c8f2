import { type Browser, chromium } from 'playwright-core';
import { fontEnv } from './fonts.js';

/** Debian's Chromium (as the react package's browser tests use it); these tests never download one. */
const CHROMIUM = '/usr/bin/chromium';

/**
 * Launches Debian's headless Chromium with the CJK fonts of @nianbao/fonts (its own fontconfig file: a machine
 * without fonts-noto-cjk would print every character as an empty box). Rejects (fails the test) when Chromium is
 * missing: a missing browser must fail loudly.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    env: { ...process.env, ...fontEnv() },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}
