/**
 * Type tests for the types derived from the schemas. Vitest's typecheck mode is not enabled for
 * this project (its include only matches `*.test.ts`), so a `schema.test-d.ts` would never run.
 * `expectTypeOf` is a no-op at run time; `tsc --noEmit` and `astro check` enforce these.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { CompanyData } from '../../src/schemas/company.ts';
import type { RecapData } from '../../src/schemas/recap.ts';
import type { SeriesData } from '../../src/schemas/series.ts';
import type { EntryRef } from '../../src/schemas/shared.ts';
import type { SpeakerData } from '../../src/schemas/speaker.ts';
import { isWorkshop, type TalkData, type TalkKind } from '../../src/schemas/talk.ts';
import type { TopicData } from '../../src/schemas/topic.ts';
import type { WriteupData } from '../../src/schemas/writeup.ts';

describe('derived schema types', () => {
	it('TalkKind is the union of the five kinds, and TalkData is keyed by it', () => {
		expectTypeOf<TalkKind>().toEqualTypeOf<
			'keynote' | 'talk' | 'workshop' | 'panel' | 'roundtable'
		>();
		expectTypeOf<TalkData['kind']>().toEqualTypeOf<TalkKind>();
	});

	it('only workshops carry modules, only roundtables carry inviteOnly', () => {
		expectTypeOf<Extract<TalkData, { kind: 'workshop' }>['modules']>().toEqualTypeOf<
			{ title: string; summary: string }[]
		>();
		expectTypeOf<
			Extract<TalkData, { kind: 'roundtable' }>['inviteOnly']
		>().toEqualTypeOf<boolean>();
		expectTypeOf<Extract<TalkData, { kind: 'talk' }>>().not.toHaveProperty('modules');
	});

	it('isWorkshop narrows a talk to a workshop', () => {
		expectTypeOf(isWorkshop).guards.toEqualTypeOf<Extract<TalkData, { kind: 'workshop' }>>();
	});

	it('dates are YYYY-MM-DD strings; optional ones may be undefined', () => {
		expectTypeOf<RecapData['eventDate']>().toEqualTypeOf<string | undefined>();
		expectTypeOf<RecapData['publishDate']>().toEqualTypeOf<string>();
		expectTypeOf<WriteupData['date']>().toEqualTypeOf<string | undefined>();
		expectTypeOf<SeriesData['stops'][number]['date']>().toEqualTypeOf<string | undefined>();
	});

	it('references keep their collection in the type', () => {
		expectTypeOf<RecapData['series']>().toEqualTypeOf<EntryRef<'series'>>();
		expectTypeOf<SeriesData['organizer']>().toEqualTypeOf<EntryRef<'companies'>>();
		expectTypeOf<SpeakerData['company']>().toEqualTypeOf<EntryRef<'companies'>>();
		expectTypeOf<TalkData['speakers']>().toEqualTypeOf<EntryRef<'speakers'>[]>();
		expectTypeOf<TalkData['writeups']>().toEqualTypeOf<EntryRef<'writeups'>[]>();
		expectTypeOf<TalkData['topics']>().toEqualTypeOf<EntryRef<'topics'>[]>();
	});

	it('a topic is a name and a description, both required', () => {
		expectTypeOf<TopicData>().toEqualTypeOf<{ name: string; description: string }>();
	});

	it('defaults make lists and flags required in the output', () => {
		expectTypeOf<RecapData['authors']>().toEqualTypeOf<string[]>();
		expectTypeOf<RecapData['draft']>().toEqualTypeOf<boolean>();
		expectTypeOf<SpeakerData['links']>().toEqualTypeOf<{ label: string; url: string }[]>();
		expectTypeOf<CompanyData['url']>().toEqualTypeOf<string | undefined>();
	});
});
