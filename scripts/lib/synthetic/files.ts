/**
 * Turns a site plan into the text of every file: YAML for the flat collections, MDX with front
 * matter for recaps and talks. Pure: the writer (`write.ts`) only puts these on disk.
 */
import { stringify } from 'yaml';
import { allEntries, type ImageSpec, type PlannedEntry, type SitePlan } from './plan.ts';

export interface TextFile {
	/** Path relative to the content root. */
	path: string;
	text: string;
}

function yaml(data: unknown): string {
	return stringify(data, { lineWidth: 0 });
}

export function entryText(entry: PlannedEntry): string {
	if (entry.body === undefined) return yaml(entry.data);
	return `---\n${yaml(entry.data)}---\n\n${entry.body}\n`;
}

/** Every text file of the plan, sorted by path. */
export function textFiles(plan: SitePlan): TextFile[] {
	return allEntries(plan)
		.map((entry) => ({ path: entry.path, text: entryText(entry) }))
		.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every image of the plan, sorted by path. */
export function imageFiles(plan: SitePlan): ImageSpec[] {
	return plan.images.toSorted((a, b) => a.path.localeCompare(b.path));
}
