/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests run through Astro's Vite config, so `astro:*` modules can be mocked and components
// rendered with the container API. The "site" project builds the real site once (global setup)
// and runs the build checks, quality gates and browser tests against it, one file at a time:
// builds and chromium each want both cores.
export default getViteConfig({
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
			},
			{
				extends: true,
				test: {
					name: 'site',
					include: [
						'tests/build/**/*.test.ts',
						'tests/gates/**/*.test.ts',
						'tests/e2e/**/*.test.ts',
					],
					globalSetup: ['tests/support/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 300_000,
					hookTimeout: 600_000,
				},
			},
		],
	},
});
