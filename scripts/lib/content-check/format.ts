/**
 * How a check's outcome is printed: one line per problem, `file:line field: problem -> fix`,
 * sorted by file and line, then a summary line.
 */
import { formatProblem, type ContentProblem } from '../../../src/lib/errors.ts';

/** What a check found, and over how much content. */
export interface CheckReport {
	/** Every problem, sorted by file, line and field. */
	problems: readonly ContentProblem[];
	/** How many entries (files the site loads) were checked. */
	entries: number;
	/** The content folder as shown in messages, e.g. `content`. */
	folder: string;
}

/** Problems in reading order: by file, then line, then field. Returns a new array. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
	return problems.toSorted(
		(a, b) =>
			compare(a.file, b.file) ||
			(a.line ?? 0) - (b.line ?? 0) ||
			compare(a.field, b.field) ||
			compare(a.problem, b.problem),
	);
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The report as printed lines: one per problem, then the summary. */
export function formatReport(report: CheckReport, name = 'check-content'): string[] {
	const where = `${report.entries} ${report.entries === 1 ? 'entry' : 'entries'} in ${report.folder || '.'}`;
	if (report.problems.length === 0) return [`${name}: no problems (${where})`];
	const files = new Set(report.problems.map((problem) => problem.file)).size;
	const count = report.problems.length === 1 ? '1 problem' : `${report.problems.length} problems`;
	return [
		...report.problems.map(formatProblem),
		`${name}: ${count} in ${files === 1 ? '1 file' : `${files} files`} (${where})`,
	];
}
