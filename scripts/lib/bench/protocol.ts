/**
 * What the benchmark parent and its runner child (runner.ts) exchange: the job written to a file,
 * and the result printed as the child's last line, `BENCH_RESULT <json>`.
 */
import type { ServiceConfig } from './encode.ts';

export const RESULT_MARKER = 'BENCH_RESULT ';

export interface BuildJob {
	kind: 'build';
	root: string;
	/** Merged over the project's astro.config (experiments: image service options, concurrency). */
	inlineConfig?: Record<string, unknown>;
	variantsOut?: string;
	/**
	 * libvips threads per image (`sharp.concurrency()`), set before Astro loads sharp. sharp's
	 * default is 1 on glibc Linux without jemalloc, and it overrides VIPS_CONCURRENCY.
	 */
	sharpConcurrency?: number;
	/**
	 * Build as `npm run build` does (scripts/build.ts): `check` skips the build when the last one's
	 * output is still current and records a build it makes; `force` builds and records anyway.
	 * Unset: Astro's `build()` alone, as the baseline blog is built.
	 */
	upToDate?: 'check' | 'force';
}

export interface FloorJob {
	kind: 'floor';
	variantsFile: string;
	mode: 'sequential' | 'parallel';
	config?: ServiceConfig;
	/** Encode every `from` variant as `to` instead (what-if, e.g. webp -> avif). */
	reformat?: { from: string; to: string };
	/** Leave out variants of these widths (what-if). */
	skipWidths?: number[];
}

/**
 * The sharp half of the preview cards a cold build drew (src/lib/og-raster.ts): rasterising and
 * encoding each card's SVG, and cutting each speaker photo into its round portrait, from the
 * trace the build left with `RECAP_CARD_TRACE_DIR`. satori's layout is not sharp work and is not
 * replayed.
 */
export interface CardFloorJob {
	kind: 'card-floor';
	traceDir: string;
	mode: 'sequential' | 'parallel';
}

export type Job = BuildJob | FloorJob | CardFloorJob;

export interface ClassCost {
	count: number;
	ms: number;
	bytes: number;
}

export interface FloorFigures {
	variants: number;
	encodeMs: number;
	outputBytes: number;
	/** Sequential runs only: time, count and bytes per variant class (`webp 1600w q72`). */
	byClass?: Record<string, ClassCost>;
}

export interface RunnerResult {
	ok: boolean;
	error?: string;
	wallMs: number;
	usage: NodeJS.ResourceUsage;
	floor?: FloorFigures;
	variants?: number;
	/** Why a build job built, or that it found the output current and did not (`skipped`). */
	upToDate?: { skipped: boolean; reason?: string };
}
