/**
 * Cross-links: who spoke where, which company presented what, which talks share a topic or cite
 * a writeup, related talks, and previous/next within a series. The fixture roadshow has two
 * published recaps (Example City, Sample Town), a scheduled one (Demo Ville) and a draft (Test
 * Harbor); see `tests/fixtures/unit/roadshow.ts` for who appears where.
 */
import { describe, expect, it } from 'vitest';
import {
	buildCrossLinks,
	relatedTalks,
	seriesNeighbours,
	type CrossLinks,
	type TalkInRecap,
} from '../../src/lib/crosslinks.ts';
import type { Recap, SiteModel, Talk } from '../../src/lib/site.ts';
import {
	recapInput,
	roadshowInputs,
	seriesInput,
	talkInput,
	type ContentInputs,
	type Input,
} from '../fixtures/unit/roadshow.ts';
import { buildFrom, buildRoadshow, byId, edit } from './helpers.ts';

const productionSite = buildRoadshow();
const devSite = buildRoadshow({ includeUnpublished: true });
const production = buildCrossLinks(productionSite);
const dev = buildCrossLinks(devSite);

/** The talk ids of a listing, in order; `[]` for a key the index does not have. */
function talkIds(entries: readonly TalkInRecap[] | undefined): string[] {
	return (entries ?? []).map(({ talk }) => talk.id);
}

function idsOf(items: readonly { id: string }[] | undefined): string[] {
	return (items ?? []).map((item) => item.id);
}

/** A visible talk of the cross-links, by id. */
function talkOf(links: CrossLinks, talkId: string): Talk {
	const entry = links.talkById.get(talkId);
	if (entry === undefined) throw new Error(`no visible talk "${talkId}"`);
	return entry.talk;
}

describe('buildCrossLinks: every visible talk', () => {
	it('is listed newest recap first, then in running order', () => {
		expect(talkIds(production.talks)).toEqual([
			'sample-town-2026/pipelines',
			'sample-town-2026/panel',
			'sample-town-2026/hallway',
			'example-city-2026/opening',
			'example-city-2026/vectors',
		]);
	});

	it('comes with the recap it belongs to', () => {
		for (const { talk, recap } of dev.talks) expect(recap.id).toBe(talk.recapId);
	});

	it('can be found by id', () => {
		for (const entry of dev.talks) expect(dev.talkById.get(entry.talk.id)).toBe(entry);
	});

	it('leaves out the talks of draft and scheduled recaps in production', () => {
		expect(production.talkById.has('demo-ville-2026/serving')).toBe(false);
		expect(production.talkById.has('test-harbor-2026/harbor')).toBe(false);
	});

	it('includes them with includeUnpublished', () => {
		expect(talkIds(dev.talks).slice(0, 2)).toEqual([
			'test-harbor-2026/harbor',
			'demo-ville-2026/serving',
		]);
	});
});

describe('buildCrossLinks: speakers', () => {
	it.each([
		// Jane Doe speaks in both published cities.
		[
			'jane-doe',
			['sample-town-2026/panel', 'example-city-2026/opening', 'example-city-2026/vectors'],
		],
		['john-roe', ['example-city-2026/vectors']],
		['mary-major', ['sample-town-2026/pipelines', 'sample-town-2026/panel']],
	])('%s spoke in %j', (speakerId, talks) => {
		expect(talkIds(production.talksBySpeaker.get(speakerId))).toEqual(talks);
	});

	it('the speakers with a visible talk, by name', () => {
		expect(production.speakers.map((speaker) => speaker.name)).toEqual([
			'Jane Doe',
			'John Roe',
			'Mary Major',
		]);
	});

	it('a roundtable with no named hosts is nobody’s talk', () => {
		const all = [...production.talksBySpeaker.values()].flatMap(talkIds);
		expect(all).not.toContain('sample-town-2026/hallway');
	});

	it('a speaker who has not spoken yet is absent', () => {
		const inputs = roadshowInputs();
		inputs.speakers['alex-poe'] = { ...inputs.speakers['jane-doe'], name: 'Alex Poe' };
		const links = buildCrossLinks(buildFrom(inputs));
		expect(idsOf(links.speakers)).not.toContain('alex-poe');
		expect(links.talksBySpeaker.has('alex-poe')).toBe(false);
	});
});

describe('buildCrossLinks: companies', () => {
	it.each([
		// Example Corp presents in both published cities.
		[
			'example-corp',
			[
				'sample-town-2026/panel',
				'sample-town-2026/hallway',
				'example-city-2026/opening',
				'example-city-2026/vectors',
			],
		],
		// Demo Labs presents the workshop and employs Mary Major, a panelist.
		['demo-labs', ['sample-town-2026/pipelines', 'sample-town-2026/panel']],
		// Sample Inc presents nothing itself; John Roe works there.
		['sample-inc', ['example-city-2026/vectors']],
	])('%s has the talks %j (presented or given by its people)', (companyId, talks) => {
		expect(talkIds(production.talksByCompany.get(companyId))).toEqual(talks);
	});

	it.each([
		['example-corp', ['jane-doe']],
		['demo-labs', ['mary-major']],
		['sample-inc', ['john-roe']],
	])('%s has the speakers %j', (companyId, speakers) => {
		expect(idsOf(production.speakersByCompany.get(companyId))).toEqual(speakers);
	});

	it('lists a talk once under a company that both presents it and employs its speaker', () => {
		// example-city-2026/vectors: presented by Example Corp, with Jane Doe of Example Corp.
		const talks = talkIds(production.talksByCompany.get('example-corp'));
		expect(talks.filter((id) => id === 'example-city-2026/vectors')).toHaveLength(1);
	});

	it('the companies with a visible talk or speaker, by name', () => {
		expect(production.companies.map((company) => company.name)).toEqual([
			'Demo Labs',
			'Example Corp',
			'Sample Inc',
		]);
	});

	it('a company with only a speaker who has not spoken yet is absent', () => {
		const inputs = roadshowInputs();
		inputs.companies['quiet-co'] = { name: 'Quiet Co' };
		inputs.speakers['alex-poe'] = { ...inputs.speakers['jane-doe'], company: 'quiet-co' };
		const links = buildCrossLinks(buildFrom(inputs));
		expect(idsOf(links.companies)).not.toContain('quiet-co');
		expect(links.speakersByCompany.has('quiet-co')).toBe(false);
	});
});

describe('buildCrossLinks: topics', () => {
	it.each([
		['embeddings', ['example-city-2026/opening', 'example-city-2026/vectors']],
		['vector-search', ['sample-town-2026/panel', 'example-city-2026/vectors']],
		['batch-inference', ['sample-town-2026/pipelines']],
	])('%s has the talks %j', (topicId, talks) => {
		expect(talkIds(production.talksByTopic.get(topicId))).toEqual(talks);
	});

	it('the topics of visible talks, as topics, by name', () => {
		expect(production.topics).toEqual([
			byId(productionSite.topics, 'batch-inference'),
			byId(productionSite.topics, 'embeddings'),
			byId(productionSite.topics, 'vector-search'),
		]);
	});

	it('a topic no talk names is absent', () => {
		expect(idsOf(dev.topics)).not.toContain('gpu-scheduling');
		expect(dev.talksByTopic.has('gpu-scheduling')).toBe(false);
	});
});

describe('buildCrossLinks: writeups', () => {
	it('a writeup cited in two cities has both talks', () => {
		expect(talkIds(production.talksByWriteup.get('example-vector-search'))).toEqual([
			'sample-town-2026/panel',
			'example-city-2026/vectors',
		]);
	});

	it('the writeups cited by visible talks', () => {
		expect(idsOf(production.writeups)).toEqual(['example-vector-search']);
	});
});

/**
 * Each index read both ways: from a talk to its keys and back to the talk, and from a key to
 * its talks and back to the key. `keysOf` is what the talk itself says.
 */
describe.each([
	['talksBySpeaker', (talk: Talk) => talk.speakers.map((speaker) => speaker.id)],
	[
		'talksByCompany',
		(talk: Talk) => [talk.company.id, ...talk.speakers.map((speaker) => speaker.company.id)],
	],
	['talksByTopic', (talk: Talk) => talk.topics.map((topic) => topic.id)],
	['talksByWriteup', (talk: Talk) => talk.writeups.map((writeup) => writeup.id)],
] as const)('%s, both ways', (index, keysOf) => {
	describe.each([
		['production', production],
		['includeUnpublished', dev],
	])('in %s', (_, links) => {
		it('lists every talk under each of its keys', () => {
			for (const { talk } of links.talks) {
				for (const key of keysOf(talk)) expect(talkIds(links[index].get(key))).toContain(talk.id);
			}
		});

		it('lists under a key only talks that name it', () => {
			for (const [key, entries] of links[index]) {
				for (const { talk } of entries) expect(keysOf(talk)).toContain(key);
			}
		});
	});
});

describe('speaker, company, topic and writeup lists, both ways', () => {
	it('every listed speaker has talks, and every talk speaker is listed', () => {
		for (const speaker of dev.speakers) expect(dev.talksBySpeaker.has(speaker.id)).toBe(true);
		for (const { talk } of dev.talks) {
			for (const speaker of talk.speakers) expect(dev.speakers).toContain(speaker);
		}
	});

	it('every company speaker is listed under the company of that speaker', () => {
		for (const [companyId, speakers] of dev.speakersByCompany) {
			for (const speaker of speakers) expect(speaker.company.id).toBe(companyId);
		}
	});

	it('every talk topic and cited writeup is listed', () => {
		for (const { talk } of dev.talks) {
			for (const topic of talk.topics) expect(dev.topics).toContain(topic);
			for (const writeup of talk.writeups) expect(dev.writeups).toContain(writeup);
		}
	});
});

/** Each appears only in the scheduled recap (Demo Ville) or only in the draft (Test Harbor). */
describe.each([
	['speaker', 'dana-demo', 'scheduled', (l: CrossLinks) => l.speakers, 'talksBySpeaker'],
	['speaker', 'hal-harbor', 'draft', (l: CrossLinks) => l.speakers, 'talksBySpeaker'],
	['company', 'ville-systems', 'scheduled', (l: CrossLinks) => l.companies, 'talksByCompany'],
	['company', 'harbor-works', 'draft', (l: CrossLinks) => l.companies, 'talksByCompany'],
	['topic', 'model-serving', 'scheduled', (l: CrossLinks) => l.topics, 'talksByTopic'],
	['topic', 'llm-inference', 'draft', (l: CrossLinks) => l.topics, 'talksByTopic'],
	['writeup', 'ville-serving-notes', 'scheduled', (l: CrossLinks) => l.writeups, 'talksByWriteup'],
	['writeup', 'harbor-batch-diary', 'draft', (l: CrossLinks) => l.writeups, 'talksByWriteup'],
] as const)('a %s (%s) seen only in a %s recap', (_, id, __, list, index) => {
	it('is absent in production', () => {
		expect(idsOf(list(production))).not.toContain(id);
		expect(production[index].has(id)).toBe(false);
	});

	it('is present with includeUnpublished', () => {
		expect(idsOf(list(dev))).toContain(id);
		expect(dev[index].has(id)).toBe(true);
	});
});

describe('a speaker, company or topic seen in published and unpublished recaps', () => {
	it.each([
		['talksBySpeaker', 'mary-major'],
		['talksByCompany', 'demo-labs'],
		['talksByTopic', 'batch-inference'],
	] as const)('%s of %s has only the published talks in production', (index, id) => {
		expect(talkIds(production[index].get(id))).not.toContain('demo-ville-2026/serving');
		expect(talkIds(dev[index].get(id))).toContain('demo-ville-2026/serving');
	});
});

describe('relatedTalks', () => {
	/**
	 * The fixture with Example City's vectors talk as the subject (John Roe of Sample Inc,
	 * presented by Example Corp, on embeddings) and Sample Town's talks replaced by `others`.
	 * Every speaker of `others` defaults to Mary Major of Demo Labs, who shares nothing with it.
	 */
	function relatedSet(others: Record<string, Input>): ContentInputs {
		const inputs = roadshowInputs();
		edit(inputs.talks, 'example-city-2026/vectors', {
			speakers: ['john-roe'],
			company: 'example-corp',
			topics: ['embeddings'],
			writeups: [],
		});
		for (const id of Object.keys(inputs.talks)) {
			if (id.startsWith('sample-town-2026/')) delete inputs.talks[id];
		}
		Object.entries(others).forEach(([id, changes], index) => {
			inputs.talks[`sample-town-2026/${id}`] = talkInput({
				order: index + 1,
				company: 'demo-labs',
				speakers: ['mary-major'],
				...changes,
			});
		});
		return inputs;
	}

	const related = (inputs: ContentInputs, limit?: number) => {
		const links = buildCrossLinks(buildFrom(inputs));
		return talkIds(relatedTalks(talkOf(links, 'example-city-2026/vectors'), links, limit));
	};

	it('leaves out the talk’s own recap, even a talk sharing everything with it', () => {
		const links = production;
		const opening = talkOf(links, 'example-city-2026/opening');
		// vectors shares Jane Doe, Example Corp and embeddings with the opening keynote.
		expect(talkIds(relatedTalks(opening, links))).toEqual([
			'sample-town-2026/panel',
			'sample-town-2026/hallway',
		]);
	});

	it('ranks a shared speaker above a shared company above a shared topic', () => {
		const inputs = relatedSet({
			'topic-only': { topics: ['embeddings'] },
			'company-only': { company: 'example-corp' },
			'speaker-only': { speakers: ['john-roe'] },
		});
		expect(related(inputs)).toEqual([
			'sample-town-2026/speaker-only',
			'sample-town-2026/company-only',
			'sample-town-2026/topic-only',
		]);
	});

	it('leaves out talks that share nothing', () => {
		const inputs = relatedSet({
			'shares-nothing': { topics: ['batch-inference'] },
			'topic-only': { topics: ['embeddings'] },
		});
		expect(related(inputs)).toEqual(['sample-town-2026/topic-only']);
	});

	it('adds ties up: a shared company and topic rank above the company alone', () => {
		const inputs = relatedSet({
			'company-only': { company: 'example-corp' },
			'company-and-topic': { company: 'example-corp', topics: ['embeddings'] },
		});
		expect(related(inputs)).toEqual([
			'sample-town-2026/company-and-topic',
			'sample-town-2026/company-only',
		]);
	});

	describe('limit', () => {
		// Five talks sharing a topic, and one sharing a speaker that must stay first.
		const inputs = relatedSet({
			t1: { topics: ['embeddings'] },
			t2: { topics: ['embeddings'] },
			t3: { topics: ['embeddings'] },
			t4: { topics: ['embeddings'] },
			t5: { topics: ['embeddings'] },
			speaker: { speakers: ['john-roe'] },
		});

		it.each([
			[undefined, 4],
			[1, 1],
			[3, 3],
			[10, 6],
			[0, 0],
		])('a limit of %s gives %i talks', (limit, count) => {
			expect(related(inputs, limit)).toHaveLength(count);
		});

		it('keeps the strongest ties', () => {
			expect(related(inputs, 2)).toEqual(['sample-town-2026/speaker', 'sample-town-2026/t1']);
		});
	});

	describe('ties', () => {
		const others = {
			'zeta-topic': { topics: ['embeddings'] },
			'alpha-topic': { topics: ['embeddings'] },
			'mid-topic': { topics: ['embeddings'] },
		};

		it('are broken by talk id', () => {
			expect(related(relatedSet(others))).toEqual([
				'sample-town-2026/alpha-topic',
				'sample-town-2026/mid-topic',
				'sample-town-2026/zeta-topic',
			]);
		});

		it('give the same order whatever order the files are loaded in', () => {
			const forwards = relatedSet(others);
			const backwards = {
				...forwards,
				talks: Object.fromEntries(Object.entries(forwards.talks).toReversed()),
			};
			expect(related(backwards)).toEqual(related(forwards));
		});
	});
});

describe('seriesNeighbours', () => {
	const SERIES = 'example-roadshow-2026';
	const neighbours = (site: SiteModel, recapId: string) => {
		const { previous, next } = seriesNeighbours(byId(site.recaps, recapId), site);
		return [previous?.id, next?.id];
	};

	it('takes the site’s recaps newest first (the order it relies on)', () => {
		expect(devSite.recaps.map((recap) => recap.sortDate)).toEqual(
			devSite.recaps
				.map((recap) => recap.sortDate)
				.toSorted()
				.toReversed(),
		);
	});

	describe.each([
		// recap, previous (earlier event), next (later event)
		['example-city-2026', undefined, 'sample-town-2026'],
		['sample-town-2026', 'example-city-2026', 'demo-ville-2026'],
		['demo-ville-2026', 'sample-town-2026', 'test-harbor-2026'],
		['test-harbor-2026', 'demo-ville-2026', undefined],
	])('with includeUnpublished, %s', (recapId, previous, next) => {
		it(`comes after ${previous ?? 'nothing'} and before ${next ?? 'nothing'}`, () => {
			expect(neighbours(devSite, recapId)).toEqual([previous, next]);
		});
	});

	it.each([
		['example-city-2026', undefined, 'sample-town-2026'],
		// Demo Ville is scheduled: not a neighbour in production.
		['sample-town-2026', 'example-city-2026', undefined],
	])('in production, %s has %s before it and %s after it', (recapId, previous, next) => {
		expect(neighbours(productionSite, recapId)).toEqual([previous, next]);
	});

	it('follow event dates, not publication dates', () => {
		const inputs = roadshowInputs();
		// Example City is now published after Sample Town; its event is still the earlier one.
		edit(inputs.recaps, 'example-city-2026', { publishDate: '2026-04-20' });
		const site = buildFrom(inputs);
		expect(neighbours(site, 'sample-town-2026')).toEqual(['example-city-2026', undefined]);
	});

	describe('never cross into another series', () => {
		// A second series with one stop in Demo Ville, between Sample Town and Demo Ville's own
		// roadshow stop.
		const inputs = roadshowInputs();
		inputs.series['sample-summit-2026'] = seriesInput({
			name: 'Sample Summit 2026',
			stops: [{ city: 'Demo Ville', country: 'Demoland', date: '2026-04-25' }],
		});
		inputs.recaps['sample-summit-demo-ville'] = recapInput({
			series: 'sample-summit-2026',
			city: 'Demo Ville',
			eventDate: '2026-04-25',
			publishDate: '2026-04-26',
		});
		inputs.talks['sample-summit-demo-ville/welcome'] = talkInput({ speakers: ['mary-major'] });
		const site = buildFrom(inputs, { includeUnpublished: true });

		it('the other series’ recap sits between two roadshow stops in the site order', () => {
			expect(site.recaps.map((recap) => recap.id).slice(1, 4)).toEqual([
				'demo-ville-2026',
				'sample-summit-demo-ville',
				'sample-town-2026',
			]);
		});

		it('the roadshow stops on either side of it are still each other’s neighbours', () => {
			expect(neighbours(site, 'sample-town-2026')).toEqual([
				'example-city-2026',
				'demo-ville-2026',
			]);
			expect(neighbours(site, 'demo-ville-2026')).toEqual(['sample-town-2026', 'test-harbor-2026']);
		});

		it('a series with one recap has no neighbours', () => {
			expect(neighbours(site, 'sample-summit-demo-ville')).toEqual([undefined, undefined]);
		});

		it('every neighbour is in the same series', () => {
			for (const recap of site.recaps) {
				const { previous, next } = seriesNeighbours(recap, site);
				for (const other of [previous, next]) {
					if (other) expect(other.seriesId).toBe(recap.seriesId);
				}
			}
		});
	});

	it('a recap the site does not show has no neighbours', () => {
		const scheduled: Recap = byId(devSite.recaps, 'demo-ville-2026');
		expect(seriesNeighbours(scheduled, productionSite)).toEqual({
			previous: undefined,
			next: undefined,
		});
	});

	it('all stops of the series are visited once, oldest first, by following next', () => {
		const visited: string[] = [];
		let recap: Recap | undefined = byId(devSite.recaps, 'example-city-2026');
		while (recap) {
			visited.push(recap.id);
			recap = seriesNeighbours(recap, devSite).next;
		}
		expect(visited).toEqual(byId(devSite.series, SERIES).recapIds.toReversed());
	});
});
