/**
 * The files a scaffold writes. Each field the marketer must still write is left empty with a
 * `# TODO:` comment above it: an empty required field fails the schema (so the content check and
 * the build stop on it, naming the file and the field) instead of shipping placeholder text.
 * Comments carry each field's help from `src/schemas/`; Prettier leaves these files unchanged.
 */
import type { TalkKind } from '../../../src/schemas/talk.ts';
import { yamlScalar } from './text.ts';

/** The marker every unfinished field carries, for people and tools to search for. */
export const TODO = 'TODO:';

export interface RecapTemplate {
	recapId: string;
	seriesId: string;
	seriesName: string;
	city: string;
	venue: string;
	eventDate: string;
	publishDate: string;
	/** `./photos/hero.jpg`. */
	heroSrc: string;
	/** Whether the hero is a placeholder drawn by the scaffold. */
	heroIsPlaceholder: boolean;
}

/** `content/recaps/<id>/index.md`. */
export function recapIndexMdx(recap: RecapTemplate): string {
	const heroHelp = recap.heroIsPlaceholder
		? [
				'  # A placeholder for now. Import your photos with',
				`  #   npm run photos -- <folder or files> --recap ${recap.recapId}`,
				'  # then point src at the one to show at the top, e.g. ./photos/img-0042.jpg',
			]
		: ['  # The photo at the top of the recap.'];
	return [
		'---',
		`# The ${recap.city} stop of ${recap.seriesName}, made by \`npm run new:recap\`.`,
		'# Fill in each field marked TODO. Until then `npm run check:content` and the build stop here',
		'# and say which field is missing. Every field is explained in src/schemas/recap.ts.',
		'',
		`# ${TODO} the headline, at most 100 characters, e.g. '${recap.city}: <what the day was about>'`,
		'title:',
		`# ${TODO} one or two sentences for search results, link previews and the feed (at most 200`,
		'# characters).',
		'description:',
		`series: ${recap.seriesId}`,
		`# Exactly as in the series' stops (content/series/${recap.seriesId}.yaml).`,
		`city: ${yamlScalar(recap.city)}`,
		`venue: ${yamlScalar(recap.venue)}`,
		`eventDate: ${recap.eventDate}`,
		'# The day the recap goes live (YYYY-MM-DD): a future date keeps it off the site until then.',
		`publishDate: ${recap.publishDate}`,
		"# Bylines; leave this out to use the site's default author.",
		'# authors:',
		'#   - Your Name',
		'hero:',
		...heroHelp,
		`  src: ${recap.heroSrc}`,
		`  # ${TODO} what the photo shows, for readers who cannot see it.`,
		'  alt:',
		'  # caption: An optional line shown under the photo.',
		'# A group photo of the speakers, naming them left to right (optional):',
		'# groupPhoto:',
		'#   src: ./photos/group.jpg',
		`#   alt: The speakers of the day in ${recap.city}, on stage`,
		"#   caption: 'From left to right: ...'",
		'#   people:',
		'#     - first-speaker-id',
		'#     - second-speaker-id',
		'# true keeps the recap out of the published site (`npm run dev` still shows it, marked',
		'# Draft). Set it to false when the recap is ready to go live.',
		'draft: true',
		'---',
		'',
		`<!-- ${TODO} the opening prose: what the day was, where and for whom. The talks in talks/`,
		'follow it as sections, in their `order`. Replace this comment with your text. -->',
		'',
	].join('\n');
}

export interface TalkTemplate {
	recapId: string;
	talkId: string;
	/** Undefined leaves a TODO. */
	title?: string | undefined;
	kind: TalkKind;
	order: number;
	summary?: string | undefined;
	speakers: readonly string[];
	company: string;
	/** Why this company, when it was chosen for the author. */
	companyNote?: string | undefined;
	/** Known topic ids, listed in a comment as a menu. */
	topics: readonly string[];
	/** The example talk new:recap writes, rather than one made by new:talk. */
	example?: boolean;
}

const KIND_SPEAKERS: Record<TalkKind, string> = {
	keynote: 'Who gave it',
	talk: 'Who presented it',
	workshop: 'Who led it',
	panel: 'The panelists (at least two)',
	roundtable: 'Named hosts, if any',
};

/** `content/recaps/<recap>/talks/<talk>.md`. */
export function talkMdx(talk: TalkTemplate): string {
	const intro = talk.example
		? [
				`# An example talk, made by \`npm run new:recap\`: turn it into the first talk of the recap, or`,
				'# delete it once you have added talks with',
				`#   npm run new:talk -- --recap ${talk.recapId} --title "..." --speakers first-speaker-id`,
				`# The file name is the section's anchor on the page (#${talk.talkId}): rename the file to`,
				'# something short, such as the company (notion.md), before you publish.',
			]
		: [
				`# A session of the recap ${talk.recapId}, shown as its own section; made by \`npm run new:talk\`.`,
				`# The file name is the section's anchor on the page (#${talk.talkId}): keep it once published.`,
			];
	const speakers =
		talk.speakers.length > 0
			? ['speakers:', ...talk.speakers.map((id) => `  - ${id}`)]
			: talk.kind === 'roundtable'
				? ['speakers: []']
				: [`# ${TODO} list them, e.g.`, '#   speakers:', '#     - jane-doe', 'speakers: []'];
	const topicMenu = wrapComment(
		`Topics it covers: ids of files in content/topics/${talk.topics.length > 0 ? `: ${talk.topics.join(', ')}` : ''}.`,
	);
	return [
		'---',
		...intro,
		...(hasTodo(talk)
			? [
					'# Fill in each field marked TODO. Until then `npm run check:content` and the build stop',
					'# here and say which field is missing. Every field is explained in src/schemas/talk.ts.',
				]
			: ['# Every field is explained in src/schemas/talk.ts.']),
		'',
		...(talk.title === undefined
			? [`# ${TODO} the session's title (at most 160 characters).`, 'title:']
			: [`title: ${yamlScalar(talk.title)}`]),
		'# keynote, talk, workshop, panel or roundtable.',
		`kind: ${talk.kind}`,
		"# The section's position in the recap: 1 comes first; each talk has its own number.",
		`order: ${talk.order}`,
		...(talk.summary === undefined
			? [
					`# ${TODO} one sentence summing the session up, for previews and the feed (at most 240`,
					'# characters).',
					'summary:',
				]
			: [`summary: ${yamlScalar(talk.summary)}`]),
		`# ${KIND_SPEAKERS[talk.kind]}: ids of files in content/speakers/ (a new person: \`npm run new:speaker\`).`,
		...speakers,
		'# The organisation presenting: the id of a file in content/companies/.',
		...(talk.companyNote ? [`# (${talk.companyNote})`] : []),
		`company: ${talk.company}`,
		...kindFields(talk.kind),
		'# Headline figures: a short value and what it measures, e.g.',
		'#   - value: 80%+',
		'#     label: lower embedding cost',
		'results: []',
		...topicMenu,
		'topics: []',
		'# Deeper reading: ids of files in content/writeups/.',
		'writeups: []',
		'# An optional photo of the session (import it with `npm run photos`), e.g.',
		'# photo:',
		'#   src: ../photos/img-0042.jpg',
		'#   alt: What the photo shows',
		'---',
		'',
		`<!-- ${TODO} the section's text: what the session covered and what stood out. Replace this`,
		'comment with your text. -->',
		'',
	].join('\n');
}

/** Whether the talk still has a field for the author to fill in. */
function hasTodo(talk: TalkTemplate): boolean {
	return (
		talk.title === undefined ||
		talk.summary === undefined ||
		talk.kind === 'workshop' ||
		(talk.speakers.length === 0 && talk.kind !== 'roundtable')
	);
}

/** A comment over as many `# ` lines as it takes to stay within `width` characters. */
export function wrapComment(text: string, width = 100): string[] {
	const lines: string[] = [];
	let current = '#';
	for (const word of text.split(' ')) {
		if (current.length + 1 + word.length > width && current !== '#') {
			lines.push(current);
			current = '#';
		}
		current += ` ${word}`;
	}
	lines.push(current);
	return lines;
}

function kindFields(kind: TalkKind): string[] {
	if (kind === 'workshop') {
		return [
			`# ${TODO} the workshop's modules, in order, e.g.`,
			'#   modules:',
			'#     - title: Ray Core',
			'#       summary: Tasks, actors and the object store that shares data between them.',
			'modules:',
		];
	}
	if (kind === 'roundtable') {
		return ['# true when attendance was by invitation only.', 'inviteOnly: false'];
	}
	return [];
}

export interface SpeakerTemplate {
	id: string;
	name: string;
	role: string;
	company: string;
	/** `./<id>.jpg`. */
	photoSrc: string;
	/** The portrait is a placeholder drawn by the scaffold. */
	placeholder: boolean;
}

/** `content/speakers/<id>.yaml`. */
export function speakerYaml(speaker: SpeakerTemplate): string {
	const photoHelp = speaker.placeholder
		? [
				'  # A placeholder portrait for now. The real photo replaces it with',
				`  #   npm run photos -- <photo> --speaker ${speaker.id} --replace-placeholder`,
			]
		: ['  # A square portrait of at least 400x400 px works best.'];
	return [
		'# A speaker, reused in every city they speak in; made by `npm run new:speaker`.',
		'# Every field is explained in src/schemas/speaker.ts.',
		`name: ${yamlScalar(speaker.name)}`,
		'# Job title at the time of their most recent talk.',
		`role: ${yamlScalar(speaker.role)}`,
		'# The company they work for: the id of a file in content/companies/.',
		`company: ${speaker.company}`,
		'photo:',
		...photoHelp,
		`  src: ${speaker.photoSrc}`,
		`  alt: ${yamlScalar(`Portrait of ${speaker.name}`)}`,
		"# Links to the person's public profiles or site (https), e.g.",
		'#   - label: GitHub',
		'#     url: https://github.com/example',
		'links: []',
		'',
	].join('\n');
}

/** `content/companies/<id>.yaml`. */
export function companyYaml(company: { name: string; url?: string | undefined }): string {
	return [
		'# A company speakers work for or that runs a series; made by `npm run new:speaker`.',
		`name: ${yamlScalar(company.name)}`,
		"# The company's home page (https), optional.",
		company.url ? `url: ${yamlScalar(company.url)}` : '# url: https://www.example.com/',
		'',
	].join('\n');
}
