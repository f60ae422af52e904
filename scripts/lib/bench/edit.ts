/**
 * The one-recap edit of the benchmark: a recap in the middle of the site gets a new title and one
 * more paragraph (text its page, the feeds and its preview card show) and a new hero photo (same
 * size, different pixels). A rebuild should re-encode that photo's variants and redraw that
 * recap's card, and nothing else.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { entryText } from '../synthetic/files.ts';
import { renderImage, type Texture } from '../synthetic/images.ts';
import type { ImageSpec, PlannedEntry, SitePlan } from '../synthetic/plan.ts';

export interface EditPlan {
	recapId: string;
	/** The recap's index.mdx, relative to the content root, and its new text. */
	textFile: string;
	newText: string;
	/** The replaced photo and how the new one is drawn. */
	photo: ImageSpec;
	newPhoto: ImageSpec;
}

export function planEdit(plan: SitePlan): EditPlan {
	const recap = plan.entries.recaps[Math.floor(plan.entries.recaps.length / 2)];
	if (!recap) throw new Error('the site has no recaps to edit');
	const photo = plan.images.find((image) => image.owner === recap.id && image.kind === 'hero');
	if (!photo) throw new Error(`recap ${recap.id} has no hero photo in the plan`);
	const edited: PlannedEntry = {
		...recap,
		data: { ...recap.data, title: `${String(recap.data.title)} (updated)` },
		body: `${recap.body ?? ''}\n\nUpdated after the event with one more paragraph for the benchmark.`,
	};
	return {
		recapId: recap.id,
		textFile: recap.path,
		newText: entryText(edited),
		photo,
		newPhoto: { ...photo, seed: (photo.seed ^ 0x5bd1e995) >>> 0 },
	};
}

/** Applies the edit under `contentDir`; the returned function puts the original files back. */
export async function applyEdit(
	contentDir: string,
	edit: EditPlan,
	texture: Texture,
): Promise<() => Promise<void>> {
	const textPath = path.join(contentDir, edit.textFile);
	const photoPath = path.join(contentDir, edit.photo.path);
	const [oldText, oldPhoto] = await Promise.all([readFile(textPath), readFile(photoPath)]);
	await writeFile(textPath, edit.newText);
	await writeFile(photoPath, await renderImage(edit.newPhoto, texture));
	return async () => {
		await writeFile(textPath, oldText);
		await writeFile(photoPath, oldPhoto);
	};
}
