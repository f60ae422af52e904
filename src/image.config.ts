/**
 * sharp encoder settings for every image Astro emits (`image.service.config` in
 * astro.config.mjs). `npm run bench` replays its sharp floor with the same settings, so the
 * floor is always the cost of exactly what the site ships.
 *
 * WebP at effort 2 instead of sharp's default 4: on the 100-recap synthetic site's 2650
 * variants it cut encoding CPU from 72.6 s to 46.7 s (-36%) for 32.8 MB instead of 32.4 MB
 * (+1%), measured by `npm run bench -- --experiments` (what-if floors, same variant list).
 * Effort 0 saved less time again for 4% more bytes.
 */
export const imageEncoders = {
	webp: { effort: 2 },
} as const;
