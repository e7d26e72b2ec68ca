// A real browser for the console's tests: Debian's Chromium (`apt-get install chromium`) driven by
// playwright-core, since Playwright's own browser download cannot be fetched here. CHROMIUM_PATH picks
// another executable; with none found, the tests that need it skip and say why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The Chromium executable to drive, or undefined when this machine has none. */
export const chromiumPath: string | undefined = CANDIDATES.find(
  (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
);

export const NO_CHROMIUM_MESSAGE =
  'no Chromium found (tried CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser): ' +
  'install it with `apt-get install -y chromium` (.ci/run does) to run the console browser tests';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A presenter's screen: the size the console must look right at. */
export const PRESENTER_VIEWPORT = { width: 1400, height: 900 };

/** Headless, with a fresh profile, and with everything that would reach out to the internet turned off. */
export async function launchBrowser(viewport = PRESENTER_VIEWPORT): Promise<TestBrowser> {
  if (!chromiumPath) throw new Error(NO_CHROMIUM_MESSAGE);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'console-chromium-'));
  // A persistent context is how Playwright takes a profile folder (it refuses --user-data-dir in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
