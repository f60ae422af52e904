/**
 * Plans a new speaker: `speakers/<id>.yaml`, the portrait beside it (imported from a photo, or a
 * placeholder), and `companies/<company>.yaml` when the company is new.
 */
import { readFile } from 'node:fs/promises';
import { closestId } from '../../../src/lib/errors.ts';
import { renderPortrait } from '../photos/process.ts';
import type { ContentState } from './content.ts';
import { https, idForm, missing, plain, Problems } from './input.ts';
import { PORTRAIT_SIZE } from './placeholders.ts';
import type { Plan, PlannedFile } from './plan.ts';
import { companyYaml, speakerYaml } from './templates.ts';
import { slugify } from './text.ts';

export interface SpeakerInput {
	name?: string | undefined;
	role?: string | undefined;
	/** The company's id. */
	company?: string | undefined;
	/** The company's name, needed when the company is new. */
	companyName?: string | undefined;
	companyUrl?: string | undefined;
	id?: string | undefined;
}

export interface SpeakerPlanOptions {
	/** A photo to cut the portrait from (already checked readable), and the portrait's side. */
	portrait?: { source: string; side: number } | undefined;
}

/** True when the company id needs a new `companies/<id>.yaml`. */
export function isNewCompany(state: ContentState, company: string | undefined): boolean {
	return company !== undefined && company !== '' && !state.companies.includes(company);
}

/** Plans the speaker, or throws an `InputError` naming every flag to fix. */
export function planSpeaker(
	input: SpeakerInput,
	state: ContentState,
	options: SpeakerPlanOptions = {},
): Plan {
	const problems = new Problems();
	const notes: string[] = [];

	const name = plain(problems, 'name', input.name, {
		field: 'name',
		max: 80,
		what: 'the full name as the person writes it, e.g. --name "Jane Doe"',
	});
	const role = plain(problems, 'role', input.role, {
		field: 'role',
		max: 120,
		what: 'the job title, e.g. --role "Staff Engineer, Search Platform"',
	});

	let id: string | undefined;
	if (input.id?.trim()) id = idForm(problems, 'id', input.id.trim(), 'jane-doe');
	else if (name) {
		id = slugify(name) || undefined;
		if (!id)
			problems.add(
				'id',
				`no id can be made from "${name}" -> give one with --id, e.g. --id li-wei`,
			);
	}

	const companyId = input.company?.trim();
	let companyName: string | undefined;
	let companyUrl: string | undefined;
	if (!companyId) {
		missing(
			problems,
			'company',
			'the id of their company, e.g. --company anyscale (a new one is created)',
		);
	} else if (
		idForm(problems, 'company', companyId, 'example-corp') &&
		isNewCompany(state, companyId)
	) {
		const guess = closestId(companyId, state.companies);
		companyName = plain(problems, 'company-name', input.companyName, {
			field: 'name',
			max: 80,
			what: `${companyId} is a new company: give its name as readers know it, e.g. --company-name "Example Corp"${guess ? ` (or did you mean --company ${guess}?)` : ''}`,
		});
		companyUrl = https(problems, 'company-url', input.companyUrl);
		if (guess && companyName)
			notes.push(`A company "${guess}" exists already: is ${companyId} really a different one?`);
	} else if (input.companyName?.trim()) {
		notes.push(`content/companies/${companyId}.yaml exists: --company-name was not needed.`);
	}

	problems.throwIfAny();
	if (!name || !role || !id || !companyId) {
		throw new Error('unreachable: input checked without problems but incomplete');
	}

	const portraitPath = `speakers/${id}.jpg`;
	const portraitThere = state.files.has(portraitPath);
	const files: PlannedFile[] = [];
	const yamlPath = `speakers/${id}.yaml`;
	files.push({
		path: yamlPath,
		content: {
			type: 'text',
			text: speakerYaml({
				id,
				name,
				role,
				company: companyId,
				photoSrc: `./${id}.jpg`,
				placeholder: !portraitThere && !options.portrait,
			}),
		},
	});
	const { portrait } = options;
	if (portrait) {
		files.push({
			path: portraitPath,
			content: {
				type: 'render',
				describe: `portrait cut from ${portrait.source}, ${portrait.side}x${portrait.side}`,
				render: async () =>
					(await renderPortrait(await readFile(portrait.source), portrait.side)).data,
			},
		});
	} else if (portraitThere) {
		notes.push(`content/${portraitPath} is there already: the speaker uses it as the portrait.`);
	} else {
		files.push({
			path: portraitPath,
			content: {
				type: 'placeholder',
				spec: { kind: 'portrait', size: PORTRAIT_SIZE, name, seed: id },
			},
		});
	}
	if (companyName) {
		files.push({
			path: `companies/${companyId}.yaml`,
			content: { type: 'text', text: companyYaml({ name: companyName, url: companyUrl }) },
		});
	}

	return {
		files,
		edits: [],
		notes,
		next: [
			...(portrait || portraitThere
				? []
				: [
						`When the photo arrives: npm run photos -- <photo> --speaker ${id} --replace-placeholder`,
					]),
			`Name them in a talk: speakers: [${id}] (or npm run new:talk -- --speakers ${id} ...)`,
			'npm run check:content',
		],
	};
}
