import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian and Ubuntu put Chromium; `CHROMIUM_PATH` names another. */
const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The system's headless Chromium. No browser is a failure with instructions, never a skipped suite:
 * `scripts/setup-browser.sh` installs one (CI runs it before the tests).
 */
export async function launchChromium(): Promise<Browser> {
  const configured = process.env['CHROMIUM_PATH'];
  const executablePath = [configured, ...candidates].find(
    (candidate): candidate is string => candidate !== undefined && candidate !== '' && existsSync(candidate),
  );
  if (!executablePath) {
    throw new Error(
      `No Chromium found (looked at ${[configured, ...candidates].filter(Boolean).join(', ')}). ` +
        'Install it with scripts/setup-browser.sh (as root: apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    // Containers often run as root without user namespaces, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}
