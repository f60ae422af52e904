/**
 * A seeded pseudo-random generator for the synthetic site: the same seed gives the same site,
 * byte for byte. No `Math.random`, no clock.
 */

/** FNV-1a: a small, stable 32-bit string hash. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (const char of text) {
		h ^= char.codePointAt(0) ?? 0;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

export interface Random {
	/** A number in [0, 1). */
	next(): number;
	/** A whole number in [min, max], both included. */
	int(min: number, max: number): number;
	/** True with probability `p`. */
	chance(p: number): boolean;
	/** One item of a non-empty list. */
	pick<T>(items: readonly T[]): T;
	/** `count` distinct items (fewer if the list is shorter), in random order. */
	sample<T>(items: readonly T[], count: number): T[];
	/** An independent generator for a named part, so changing one part never shifts another. */
	fork(label: string): Random;
}

/** mulberry32 over a 32-bit state derived from the seed. */
export function createRandom(seed: number | string): Random {
	const base = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
	let state = base;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const random: Random = {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (p) => next() < p,
		pick<T>(items: readonly T[]): T {
			if (items.length === 0) throw new Error('pick() needs at least one item');
			return items[Math.floor(next() * items.length)]!;
		},
		sample<T>(items: readonly T[], count: number): T[] {
			const pool = [...items];
			for (let i = pool.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[pool[i], pool[j]] = [pool[j]!, pool[i]!];
			}
			return pool.slice(0, Math.max(0, count));
		},
		fork: (label) => createRandom(hashString(`${base}:${label}`)),
	};
	return random;
}
