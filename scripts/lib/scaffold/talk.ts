/**
 * Plans a new talk: `recaps/<recap>/talks/<id>.md`, placed after the recap's last talk unless an
 * `order` is given.
 */
import { TALK_KINDS, type TalkKind } from '../../../src/schemas/talk.ts';
import type { ContentState, RecapInfo } from './content.ts';
import { existingId, idForm, idList, missing, plain, Problems } from './input.ts';
import type { Plan } from './plan.ts';
import { talkMdx } from './templates.ts';
import { shortSlug } from './text.ts';

export interface TalkInput {
	recap?: string | undefined;
	title?: string | undefined;
	kind?: string | undefined;
	/** Speaker ids, as a list or `a,b`. */
	speakers?: string | readonly string[] | undefined;
	company?: string | undefined;
	id?: string | undefined;
	order?: string | number | undefined;
	summary?: string | undefined;
}

/** How many speakers each kind needs, as the talk schema counts them. */
const MIN_SPEAKERS: Record<TalkKind, number> = {
	keynote: 1,
	talk: 1,
	workshop: 1,
	panel: 2,
	roundtable: 0,
};

/** The order after the recap's last talk (1 for the first). */
export function nextOrder(recap: RecapInfo): number {
	const orders = recap.talks.map((talk) => talk.order ?? 0);
	return Math.max(0, ...orders) + 1;
}

/** The talk's file name when none is given: the company for a talk, else the kind, else the title. */
export function talkIdCandidates(
	kind: TalkKind,
	company: string | undefined,
	title: string,
): string[] {
	const first = kind === 'talk' ? company : kind;
	return [first, shortSlug(title)].filter((id): id is string => id !== undefined && id !== '');
}

/** Plans the talk, or throws an `InputError` naming every flag to fix. */
export function planTalk(input: TalkInput, state: ContentState): Plan {
	const problems = new Problems();
	const recapIds = state.recaps.map((recap) => recap.id);

	let recap: RecapInfo | undefined;
	const recapId = input.recap?.trim();
	if (!recapId) {
		missing(
			problems,
			'recap',
			`the recap's id (its folder in content/recaps/), e.g. --recap ${recapIds[0] ?? 'ray-day-zurich-2026'}`,
		);
	} else if (idForm(problems, 'recap', recapId, 'ray-day-zurich-2026')) {
		const found = existingId(problems, 'recap', recapId, recapIds, {
			noun: 'recap',
			folder: 'content/recaps/',
			create: 'create it first with npm run new:recap',
		});
		recap = state.recaps.find((candidate) => candidate.id === found);
	}

	const title = plain(problems, 'title', input.title, {
		field: 'title',
		max: 160,
		what: 'the session\'s title, e.g. --title "Notion: one Ray job instead of three"',
	});
	const summary =
		input.summary === undefined || input.summary.trim() === ''
			? undefined
			: plain(problems, 'summary', input.summary, { field: 'summary', max: 240, what: '' });

	const kindText = input.kind?.trim() || 'talk';
	const kind = (TALK_KINDS as readonly string[]).includes(kindText)
		? (kindText as TalkKind)
		: undefined;
	if (!kind)
		problems.add(
			'kind',
			`"${kindText}" is not a kind of session -> one of: ${TALK_KINDS.join(', ')}`,
		);

	const speakerIds = state.speakers.map((speaker) => speaker.id);
	const speakers: string[] = [];
	const given = idList(input.speakers);
	for (const [index, id] of given.entries()) {
		if (given.indexOf(id) !== index) {
			// A repeated id is reported once, where it appears the second time.
			if (given.indexOf(id, given.indexOf(id) + 1) === index) {
				problems.add('speakers', `${id} is listed more than once -> name each speaker once`);
			}
			continue;
		}
		if (!idForm(problems, 'speakers', id, 'jane-doe')) continue;
		const found = existingId(problems, 'speakers', id, speakerIds, {
			noun: 'speaker',
			folder: 'content/speakers/',
			create: `add them first: npm run new:speaker -- --id ${id} --name "..." --role "..." --company ...`,
		});
		if (found) speakers.push(found);
	}
	const named = given.length;
	if (kind && named < MIN_SPEAKERS[kind]) {
		problems.add(
			'speakers',
			`${named === 0 ? 'missing' : `only ${named} given`} -> a ${kind} needs at least ${MIN_SPEAKERS[kind]} speaker${MIN_SPEAKERS[kind] === 1 ? '' : 's'}: --speakers ${MIN_SPEAKERS[kind] === 1 ? 'jane-doe' : 'jane-doe,john-roe'} (ids of files in content/speakers/; someone new: npm run new:speaker)`,
		);
	}

	let company = input.company?.trim() || undefined;
	let companyNote: string | undefined;
	if (company) {
		if (idForm(problems, 'company', company, 'example-corp')) {
			company = existingId(problems, 'company', company, state.companies, {
				noun: 'company',
				folder: 'content/companies/',
				create: 'create it with npm run new:speaker (which asks for the company), or by hand',
			});
		}
	} else {
		const first = state.speakers.find((speaker) => speaker.id === speakers[0]);
		company = first?.company;
		if (company) {
			companyNote = `the company of ${first?.id ?? 'the first speaker'}; change it if another organisation presented`;
		} else if (given.length === 0 || speakers[0] === given[0]) {
			// (When the first speaker is unknown, that problem is the one to fix first.)
			missing(
				problems,
				'company',
				'the organisation presenting: the id of a file in content/companies/, e.g. --company anyscale',
			);
		}
	}

	let order: number | undefined;
	if (recap) {
		if (input.order === undefined || String(input.order).trim() === '') {
			order = nextOrder(recap);
		} else {
			const wanted = Number(String(input.order).trim());
			const taken = recap.talks.find((talk) => talk.order === wanted);
			if (!Number.isInteger(wanted) || wanted < 1) {
				problems.add(
					'order',
					`"${input.order}" is not a position -> a whole number, 1 for the first section (or leave --order out: ${nextOrder(recap)})`,
				);
			} else if (taken) {
				problems.add(
					'order',
					`${wanted} is the order of talks/${taken.file} -> pick another, or leave --order out for the next free one (${nextOrder(recap)})`,
				);
			} else {
				order = wanted;
			}
		}
	}

	let talkId: string | undefined;
	if (input.id?.trim()) {
		talkId = idForm(problems, 'id', input.id.trim(), 'notion');
	} else if (recap && kind && title) {
		const taken = new Set(recap.talks.map((talk) => talk.id));
		talkId = talkIdCandidates(kind, company, title).find((candidate) => !taken.has(candidate));
		if (!talkId)
			problems.add(
				'id',
				`no free file name comes from the title -> give one with --id, e.g. --id ${company ?? kind}-2`,
			);
	}

	problems.throwIfAny();
	if (!recap || !title || !kind || !company || order === undefined || !talkId) {
		throw new Error('unreachable: input checked without problems but incomplete');
	}

	const file = `recaps/${recap.id}/talks/${talkId}.md`;
	return {
		files: [
			{
				path: file,
				content: {
					type: 'text',
					text: talkMdx({
						recapId: recap.id,
						talkId,
						title,
						kind,
						order,
						summary,
						speakers,
						company,
						companyNote,
						topics: state.topics,
					}),
				},
			},
		],
		edits: [],
		notes: [],
		next: [
			`Write the section's text and fill in the fields marked TODO in content/${file}.`,
			`Photos of the session: npm run photos -- <files> --recap ${recap.id}, then photo: in the talk.`,
			'npm run check:content',
		],
	};
}
