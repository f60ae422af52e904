/**
 * PNG icons for home screens and older browsers, drawn at build time from one SVG so the icon
 * set can never drift apart. The SVG favicon in public/ serves modern browsers.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import sharp from 'sharp';
import iconSvg from '../../assets/icon.svg?raw';

/** Sizes of the icons the manifest and the head link to. */
const SIZES = { 'icon-192': 192, 'icon-512': 512, 'apple-touch-icon': 180 } as const;

export const getStaticPaths = (() =>
	Object.keys(SIZES).map((icon) => ({ params: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
	const size = SIZES[params.icon as keyof typeof SIZES];
	const png = await sharp(Buffer.from(iconSvg), { density: 300 })
		.resize(size, size)
		.png({ compressionLevel: 9 })
		.toBuffer();
	return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
