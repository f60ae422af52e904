import { z } from 'astro/zod';
import { fields, httpsUrl, plainText } from './shared.ts';

/** `content/companies/<company-id>.yaml`: an organisation that speakers work for or that hosts a series. */
export function companySchema() {
	return fields({
		/** The company's name as readers know it, e.g. `Example Corp`. */
		name: plainText('name', { max: 80 }),
		/** The company's home page (https). Optional. */
		url: httpsUrl('url').optional(),
	});
}

export type CompanyData = z.output<ReturnType<typeof companySchema>>;
