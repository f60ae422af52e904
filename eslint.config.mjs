// @ts-check
import eslintPluginAstro from 'eslint-plugin-astro';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ ignores: ['dist/', '.astro/', '.cache/', 'reports/', 'test-output/', 'node_modules/'] },
	tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.astro'],
			},
		},
	},
	eslintPluginAstro.configs.recommended,
	{
		// Type-aware rules need a TS program; .astro files get the Astro parser's own checks
		// and `astro check` covers their types.
		files: ['**/*.astro', '**/*.astro/*.ts'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		// Plain config files are not part of the TS program.
		files: ['**/*.mjs'],
		...tseslint.configs.disableTypeChecked,
	},
	{
		rules: {
			'no-console': 'error',
		},
	},
	{
		// Scripts and tests talk to a person on the terminal.
		files: ['scripts/**', 'tests/**'],
		rules: { 'no-console': 'off' },
	},
	{
		// vitest's asymmetric matchers (expect.any, expect.stringContaining) are typed `any`.
		files: ['tests/**'],
		rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
	},
	prettier,
);
