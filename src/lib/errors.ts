/**
 * One problem in the content, written for the person who authored it: which file, which field,
 * what is wrong and how to fix it. Printed as `file field: problem -> fix`, or
 * `file:line field: problem -> fix` when the line is known.
 */
export interface ContentProblem {
	/** Path of the authored file, relative to the project root, e.g. `content/speakers/jane-doe.yaml`. */
	file: string;
	/** 1-based line of the field in the file, when known (`npm run check:content` finds it). */
	line?: number | undefined;
	/** The field at fault, e.g. `speakers[1]` or `groupPhoto.people[0]`. */
	field: string;
	/** What is wrong, in plain words. */
	problem: string;
	/** What to do about it. */
	fix: string;
}

/**
 * Formats one problem on one line.
 *
 * @example formatProblem({ file: 'content/speakers/jane-doe.yaml', line: 4, field: 'photo.alt', problem: '…', fix: '…' })
 * // 'content/speakers/jane-doe.yaml:4 photo.alt: … -> …'
 */
export function formatProblem({ file, line, field, problem, fix }: ContentProblem): string {
	return `${file}${line === undefined ? '' : `:${line}`} ${field}: ${problem} -> ${fix}`;
}

/**
 * Thrown when content cannot be published. It carries every problem found, so an author fixes
 * them all in one round instead of one build at a time.
 */
export class ContentError extends Error {
	readonly problems: readonly ContentProblem[];

	constructor(problems: readonly ContentProblem[]) {
		const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
		super(
			`The content has ${count}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join('\n')}`,
		);
		this.name = 'ContentError';
		this.problems = problems;
	}
}

/**
 * The closest candidate to a mistyped id, if one is close enough to be a likely typo.
 *
 * @example closestId('mickey-lui', ['mickey-liu', 'chi-wang']) // 'mickey-liu'
 */
export function closestId(wanted: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
	for (const candidate of candidates) {
		const distance = editDistance(wanted, candidate);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}
