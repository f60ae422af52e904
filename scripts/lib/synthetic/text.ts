/**
 * Plainly fictional names and filler prose for the synthetic site: "Example City 17",
 * "Jane Doe 42", "Example Corp 3". Nothing here may read like a real person, company or event.
 * The prose is MDX-safe: no braces, angle brackets or characters markdown would treat as syntax.
 */
import type { Random } from './random.ts';

const FIRST_NAMES = [
	'Jane',
	'John',
	'Alex',
	'Sam',
	'Maria',
	'Wei',
	'Priya',
	'Omar',
	'Ana',
	'Kenji',
	'Lena',
	'Tomas',
	'Aisha',
	'Noah',
	'Yuki',
	'Ravi',
] as const;
const LAST_NAMES = ['Doe', 'Roe', 'Sample', 'Example', 'Tester', 'Placeholder'] as const;

const ROLES = [
	'Staff Engineer, Example Platform',
	'ML Engineer',
	'Director of Example Infrastructure',
	'Principal Engineer, Data Platform',
	'Engineering Manager, Search',
	'Developer Advocate',
	'Research Scientist',
	'Software Engineer, Model Serving',
] as const;

const SUBJECTS = [
	'the example pipeline',
	'the batch job',
	'the serving layer',
	'the feature store',
	'the training cluster',
	'the sample workload',
	'the embedding service',
	'the data loader',
] as const;
const VERBS = [
	'moved onto',
	'was rebuilt around',
	'now runs on',
	'was split across',
	'replaced its scheduler with',
	'was measured against',
] as const;
const OBJECTS = [
	'a single distributed job',
	'a pool of workers',
	'one shared Python environment',
	'a streaming design',
	'autoscaling clusters',
	'a placeholder benchmark',
] as const;
const CLAUSES = [
	'and the team kept the old path running until the numbers agreed',
	'which cut the number of moving parts in half',
	'so failures now show up in one place instead of three',
	'while the cost per run went down release after release',
	'with a test suite that checks every stage',
	'though some of the limits are still being worked out',
] as const;

export const TOPIC_WORDS = [
	'Pipelines',
	'Serving',
	'Training',
	'Embeddings',
	'Scheduling',
	'Observability',
	'Inference',
	'Data loading',
	'Autoscaling',
	'Evaluation',
] as const;

/** `Jane Doe 42`: a name nobody has, numbered so every speaker is unique. */
export function personName(index: number, random: Random): string {
	return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)} ${index}`;
}

export function role(random: Random): string {
	return random.pick(ROLES);
}

/** A lowercase kebab-case id from any name: `Jane Doe 42` -> `jane-doe-42`. */
export function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** One sentence of plainly generic engineering prose. */
export function sentence(random: Random): string {
	const subject = random.pick(SUBJECTS);
	const text = `${subject} ${random.pick(VERBS)} ${random.pick(OBJECTS)}, ${random.pick(CLAUSES)}.`;
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A talk title: `how <subject> <verb> <object>`, always whole words and under 100 characters. */
export function headline(random: Random): string {
	return `how ${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)}`;
}

/** A paragraph of `count` sentences, wrapped at 80 columns like the real content. */
export function paragraph(random: Random, count: number): string {
	const words = Array.from({ length: count }, () => sentence(random))
		.join(' ')
		.split(' ');
	const lines: string[] = [];
	let line = '';
	for (const word of words) {
		if (line && line.length + word.length + 1 > 80) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.join('\n');
}

/** `count` paragraphs of 3 to 5 sentences each, separated by blank lines. */
export function paragraphs(random: Random, count: number): string[] {
	return Array.from({ length: count }, () => paragraph(random, random.int(3, 5)));
}

/** A short fenced Python sample; `variant` changes names and numbers so no two are alike. */
export function codeSample(variant: number): string {
	return [
		'```python',
		'import example',
		'',
		'@example.remote',
		`def step_${variant}(batch):`,
		`    return [item * ${(variant % 7) + 2} for item in batch]`,
		'',
		'@example.remote',
		`class Counter${variant}:`,
		'    def __init__(self):',
		'        self.total = 0',
		'    def add(self, n):',
		'        self.total += n',
		'        return self.total',
		'',
		`futures = [step_${variant}.remote(range(i)) for i in range(${(variant % 5) + 3})]`,
		`counter = Counter${variant}.remote()`,
		'print(example.get([counter.add.remote(len(f)) for f in futures]))',
		'```',
	].join('\n');
}
