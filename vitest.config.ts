/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests run through Astro's Vite config, so `astro:*` modules can be mocked and components
// rendered with the container API. Build tests run real `astro build`s, one at a time.
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
					name: 'build',
					include: ['tests/build/**/*.test.ts'],
					fileParallelism: false,
					testTimeout: 300_000,
					hookTimeout: 600_000,
				},
			},
		],
	},
});
