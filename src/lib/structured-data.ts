/**
 * schema.org structured data (JSON-LD) for search engines and link previews: a recap is a
 * BlogPosting about the Event it recaps, a talk an Event within it, a speaker a Person, a series
 * an ItemList of its stops, every trail a BreadcrumbList. Pure: URLs and the site come in.
 */
import type { Crumb } from './pages.ts';
import type { Company, Recap, Series, Speaker, Talk } from './site.ts';
import { absoluteUrl, companyPath, recapPath, speakerPath, talkPath } from './urls.ts';

type Thing = Record<string, unknown>;

export interface StructuredDataContext {
	/** Absolute base URL of the site. */
	siteUrl: string;
	siteTitle: string;
	lang: string;
}

function organization(company: Company, context: StructuredDataContext): Thing {
	return {
		'@type': 'Organization',
		name: company.name,
		url: company.url ?? absoluteUrl(companyPath(company.id), context.siteUrl),
	};
}

/** A person as schema.org sees them; `image` is the absolute URL of their portrait, if known. */
export function person(speaker: Speaker, context: StructuredDataContext, image?: string): Thing {
	return {
		'@type': 'Person',
		name: speaker.name,
		jobTitle: speaker.role,
		worksFor: organization(speaker.company, context),
		url: absoluteUrl(speakerPath(speaker.id), context.siteUrl),
		...(image ? { image } : {}),
		...(speaker.links.length > 0 ? { sameAs: speaker.links.map((link) => link.url) } : {}),
	};
}

function place(recap: Recap): Thing {
	return {
		'@type': 'Place',
		name: recap.venue,
		address: {
			'@type': 'PostalAddress',
			addressLocality: recap.city,
			addressCountry: recap.country,
		},
	};
}

/** The in-person event a recap is about. Its date is left out when it is not known. */
export function recapEvent(
	recap: Recap,
	series: Series | undefined,
	context: StructuredDataContext,
): Thing {
	return {
		'@type': 'Event',
		name: `${recap.seriesName}: ${recap.city}`,
		...(recap.eventDate ? { startDate: recap.eventDate, endDate: recap.eventDate } : {}),
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		eventStatus: 'https://schema.org/EventScheduled',
		location: place(recap),
		...(series ? { organizer: organization(series.organizer, context) } : {}),
		performer: recap.speakers.map((speaker) => person(speaker, context)),
		url: absoluteUrl(recapPath(recap.id), context.siteUrl),
	};
}

/** A recap: a BlogPosting about its Event. `image` is the absolute URL of its lead image. */
export function recapPosting(
	recap: Recap,
	series: Series | undefined,
	context: StructuredDataContext,
	image: string,
): Thing {
	const url = absoluteUrl(recapPath(recap.id), context.siteUrl);
	return {
		'@context': 'https://schema.org',
		'@type': 'BlogPosting',
		headline: recap.title,
		description: recap.description,
		url,
		mainEntityOfPage: url,
		inLanguage: context.lang,
		datePublished: recap.publishDate,
		image,
		author: recap.authors.map((name) => ({ '@type': 'Person', name })),
		publisher: series
			? organization(series.organizer, context)
			: { '@type': 'Organization', name: context.siteTitle, url: context.siteUrl },
		about: recapEvent(recap, series, context),
		keywords: [...new Set(recap.talks.flatMap((talk) => talk.topics.map((t) => t.name)))].join(
			', ',
		),
	};
}

/** One session, as an Event within the recap's event. */
export function talkEvent(
	talk: Talk,
	recap: Recap,
	series: Series | undefined,
	context: StructuredDataContext,
): Thing {
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: talk.title,
		description: talk.summary,
		url: absoluteUrl(talkPath(talk.id), context.siteUrl),
		...(recap.eventDate ? { startDate: recap.eventDate, endDate: recap.eventDate } : {}),
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		eventStatus: 'https://schema.org/EventScheduled',
		location: place(recap),
		organizer: organization(talk.company, context),
		performer: talk.speakers.map((speaker) => person(speaker, context)),
		superEvent: recapEvent(recap, series, context),
		inLanguage: context.lang,
	};
}

/** A speaker's page: the Person, with every talk they gave. */
export function speakerPerson(
	speaker: Speaker,
	talks: readonly Talk[],
	context: StructuredDataContext,
	image: string,
): Thing {
	return {
		'@context': 'https://schema.org',
		...person(speaker, context, image),
		performerIn: talks.map((talk) => ({
			'@type': 'Event',
			name: talk.title,
			url: absoluteUrl(talkPath(talk.id), context.siteUrl),
		})),
	};
}

/** A series' stops, in travel order, each linking to its recap when there is one. */
export function seriesItemList(series: Series, context: StructuredDataContext): Thing {
	return {
		'@context': 'https://schema.org',
		'@type': 'ItemList',
		name: series.name,
		description: series.description,
		numberOfItems: series.stops.length,
		itemListElement: series.stops.map((stop, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: `${stop.city}, ${stop.country}`,
			...(stop.recapId ? { url: absoluteUrl(recapPath(stop.recapId), context.siteUrl) } : {}),
		})),
	};
}

/** A breadcrumb trail; the last crumb (the page itself) has no link and takes `pageUrl`. */
export function breadcrumbList(
	crumbs: readonly Crumb[],
	pageUrl: string,
	context: StructuredDataContext,
): Thing {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: crumbs.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.label,
			item: crumb.path ? absoluteUrl(crumb.path, context.siteUrl) : pageUrl,
		})),
	};
}

/** The site itself, for the home page. */
export function webSite(description: string, context: StructuredDataContext): Thing {
	return {
		'@context': 'https://schema.org',
		'@type': 'WebSite',
		name: context.siteTitle,
		description,
		url: context.siteUrl,
		inLanguage: context.lang,
	};
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` is escaped so no string in the data (all
 * of it authored content) can close the script element or open a comment.
 */
export function serializeJsonLd(data: readonly Thing[]): string {
	const value = data.length === 1 ? data[0] : data;
	return JSON.stringify(value).replaceAll('<', '\\u003c');
}
