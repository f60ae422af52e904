/**
 * Runs the content checker (scripts/lib/content-check, the same as `npm run check:content`)
 * before anything is built, so a broken recap can never be published: `astro build` stops with
 * every problem listed, one line each. Astro itself would stop at the first invalid entry, and
 * only log dangling references. Under `astro dev` the problems are logged as warnings instead, so
 * the preview keeps working while an author fixes them.
 */
import type { AstroIntegration } from 'astro';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFolders } from '../build-folders.ts';
import { checkContent, type CheckReport } from '../../scripts/lib/content-check/index.ts';
import { ContentError, formatProblem } from '../lib/errors.ts';

/** The content folder a build reads: `RECAP_CONTENT_DIR` (as in src/content.config.ts) or `content`. */
export function contentFolder(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
	return buildFolders(projectRoot, env).contentDir;
}

/** Checks the project's content folder, naming files relative to the project root. */
function check(projectRoot: string): Promise<CheckReport> {
	const root = contentFolder(projectRoot);
	return checkContent({
		root,
		folder: path.relative(projectRoot, root).split(path.sep).join('/'),
	});
}

/** The integration: a failing check for `astro build`, warnings for `astro dev`. */
export function checkContentIntegration(): AstroIntegration {
	let projectRoot = process.cwd();
	return {
		name: 'recap:check-content',
		hooks: {
			'astro:config:setup': async ({ command, config, logger }) => {
				projectRoot = fileURLToPath(config.root);
				// Only a real build must stop; `astro sync`/`check` and test runners only load the config.
				if (command !== 'build') return;
				const report = await check(projectRoot);
				if (report.problems.length > 0) throw new ContentError(report.problems);
				logger.info(`content checked: no problems (${report.entries} entries)`);
			},
			'astro:server:setup': ({ server, logger }) => {
				let hadProblems = false;
				const report = async () => {
					try {
						const { problems } = await check(projectRoot);
						for (const problem of problems) logger.warn(formatProblem(problem));
						if (hadProblems && problems.length === 0)
							logger.info('content checked: no problems left');
						hadProblems = problems.length > 0;
					} catch (error) {
						logger.warn(
							`content not checked: ${error instanceof Error ? error.message : String(error)}`,
						);
					}
				};
				// Check again whenever a content file changes, once the burst of changes is over.
				const folder = contentFolder(projectRoot);
				let timer: ReturnType<typeof setTimeout> | undefined;
				server.watcher.on('all', (_, file) => {
					if (path.relative(folder, file).startsWith('..')) return;
					clearTimeout(timer);
					timer = setTimeout(() => void report(), 300);
				});
				void report();
			},
		},
	};
}
