/**
 * Launches Debian's chromium through playwright-core: no browser download, headless, with the
 * background-networking features off (this machine has no internet, and chromium would otherwise
 * try to reach Google's hosts at every start) and a fresh profile each time.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-default-apps',
	'--disable-extensions',
	'--metrics-recording-only',
	'--no-default-browser-check',
];

/** Throws a loud, actionable error when chromium is not installed. */
export function assertChromium(): void {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(
			`Chromium was not found at ${CHROMIUM_PATH}. The browser tests use Debian's chromium: ` +
				'install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to another ' +
				'Chromium or Chrome binary), then run the tests again.',
		);
	}
}

/**
 * @param options.scrollbars keep the classic scrollbars a reader's desktop browser shows, which
 *   take room from the page (playwright-core hides them in headless chromium).
 */
export async function launchChromium(options: { scrollbars?: boolean } = {}): Promise<Browser> {
	assertChromium();
	// playwright-core creates a fresh temporary profile for every launch.
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
		...(options.scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
	});
}
