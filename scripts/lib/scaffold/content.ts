/**
 * A snapshot of the content folder: what the scaffolds need to know (which ids exist, the series
 * and their stops, each recap's talks) and the list of files, so plans are computed from plain
 * data and tests can build a snapshot by hand without touching the disk.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface SeriesStop {
	city: string;
	country: string;
	date?: string | undefined;
}

export interface SeriesInfo {
	id: string;
	/** Path relative to the content folder, e.g. `series/ray-on-the-road-2026.yaml`. */
	file: string;
	/** The file as it is on disk; the stop is added to this text. */
	text: string;
	name?: string | undefined;
	organizer?: string | undefined;
	year?: number | undefined;
	plannedCities?: number | undefined;
	stops: SeriesStop[];
}

export interface TalkInfo {
	id: string;
	/** Its file name in the recap's talks/ folder: `<id>.md` (or `.mdx`). */
	file: string;
	order?: number | undefined;
}

export interface RecapInfo {
	id: string;
	/** Its `index.md` (or `index.mdx`), relative to the content folder. */
	file: string;
	series?: string | undefined;
	city?: string | undefined;
	talks: TalkInfo[];
}

export interface SpeakerInfo {
	id: string;
	name?: string | undefined;
	company?: string | undefined;
	/** The portrait path relative to the content folder, from `photo.src`. */
	photo?: string | undefined;
}

export interface ContentState {
	series: SeriesInfo[];
	recaps: RecapInfo[];
	speakers: SpeakerInfo[];
	companies: string[];
	topics: string[];
	/** Every file under the content folder, relative to it, with `/` separators. */
	files: ReadonlySet<string>;
}

type Data = Record<string, unknown>;

function asRecord(value: unknown): Data {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as Data)
		: {};
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const int = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** YAML dates may arrive as `Date` objects; keep them as the `YYYY-MM-DD` the author wrote. */
function dateText(value: unknown): string | undefined {
	if (value instanceof Date && !Number.isNaN(value.getTime()))
		return value.toISOString().slice(0, 10);
	return text(value);
}

function safeYaml(source: string): Data {
	try {
		return asRecord(parseYaml(source));
	} catch {
		// A file that does not parse is the content check's business; the scaffold reads what it can.
		return {};
	}
}

/** The YAML between the opening and closing `---` lines of a `.md` or `.mdx` file. */
export function frontmatterOf(source: string): Data {
	const lines = source.split(/\r?\n/);
	if (lines[0]?.trim() !== '---') return {};
	const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
	return end === -1 ? {} : safeYaml(lines.slice(1, end).join('\n'));
}

/** Parses a series file's text into what the scaffold uses. */
export function seriesInfo(id: string, file: string, source: string): SeriesInfo {
	const data = safeYaml(source);
	const stops = Array.isArray(data.stops) ? data.stops : [];
	return {
		id,
		file,
		text: source,
		name: text(data.name),
		organizer: text(data.organizer),
		year: int(data.year),
		plannedCities: int(data.plannedCities),
		stops: stops.map(asRecord).map((stop) => ({
			city: text(stop.city) ?? '',
			country: text(stop.country) ?? '',
			date: dateText(stop.date),
		})),
	};
}

function listFiles(root: string): string[] {
	if (!existsSync(root)) return [];
	const entries = readdirSync(root, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) =>
			path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
		)
		.sort();
}

const YAML_FILE = /^([^/]+)\.ya?ml$/;

/** Reads the snapshot of a content folder. */
export function readContentState(contentDir: string): ContentState {
	const files = listFiles(contentDir);
	const read = (file: string) => readFileSync(path.join(contentDir, file), 'utf8');
	const idsIn = (folder: string) =>
		files
			.filter((file) => file.startsWith(`${folder}/`))
			.map((file) => YAML_FILE.exec(file.slice(folder.length + 1))?.[1])
			.filter((id): id is string => id !== undefined);

	const series = idsIn('series').map((id) => {
		const file = files.find((f) => f === `series/${id}.yaml` || f === `series/${id}.yml`);
		return seriesInfo(id, file ?? `series/${id}.yaml`, read(file ?? `series/${id}.yaml`));
	});

	const recaps = files
		.map((file) => /^recaps\/([^/]+)\/index\.mdx?$/.exec(file))
		.filter((match) => match !== null)
		.map(([file, id = '']): RecapInfo => {
			const data = frontmatterOf(read(file));
			const prefix = `recaps/${id}/talks/`;
			const talks = files
				.filter((file) => file.startsWith(prefix) && !file.slice(prefix.length).includes('/'))
				.map((file) => [file, /^(.+)\.mdx?$/.exec(file.slice(prefix.length))?.[1]] as const)
				.filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
				.map(([file, talk]) => ({
					id: talk,
					file: file.slice(prefix.length),
					order: int(frontmatterOf(read(file)).order),
				}));
			return { id, file, series: text(data.series), city: text(data.city), talks };
		});

	const speakers = idsIn('speakers').map((id): SpeakerInfo => {
		const file = files.find((f) => f === `speakers/${id}.yaml` || f === `speakers/${id}.yml`);
		const data = safeYaml(read(file ?? `speakers/${id}.yaml`));
		const src = text(asRecord(data.photo).src);
		return {
			id,
			name: text(data.name),
			company: text(data.company),
			photo: src ? path.posix.join('speakers', src) : undefined,
		};
	});

	return {
		series,
		recaps,
		speakers,
		companies: idsIn('companies'),
		topics: idsIn('topics'),
		files: new Set(files),
	};
}
