import { expect, test } from 'vitest';
import {
  assessTokens,
  commentTokens,
  MIN_EXAMPLES_PER_CLASS,
  type SpamModel,
  type TokenCounts,
} from './spam-classifier.js';

/** A model trained on these comments, counted the way the database counts them. */
function trained(spam: string[], ham: string[]): SpamModel {
  const tokens = new Map<string, TokenCounts>();
  const learn = (body: string, kind: keyof TokenCounts) => {
    for (const token of commentTokens({ authorName: '', body })) {
      const counts = tokens.get(token) ?? { spam: 0, ham: 0 };
      counts[kind] += 1;
      tokens.set(token, counts);
    }
  };
  spam.forEach((body) => learn(body, 'spam'));
  ham.forEach((body) => learn(body, 'ham'));
  return { documents: { spam: spam.length, ham: ham.length }, tokens };
}

const times = (n: number, make: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => make(i));

const spamComments = times(
  12,
  (i) => `Cheap pills casino bonus ${i} at https://www.pills${i % 3}.example/buy`,
);
const hamComments = times(
  12,
  (i) => `Thanks, the query planner section ${i} helped me with indexes`,
);

const score = (model: SpamModel, body: string) =>
  assessTokens(commentTokens({ authorName: 'Reader', body }), model);

test('tokens: distinct lower-case words and link hosts, short words and link text left out', () => {
  expect(
    commentTokens({
      authorName: 'Ana',
      body: 'Buy CHEAP pills, cheap! See https://www.Pills.example/a?b and www.shop.example.',
    }).sort(),
  ).toEqual([
    'ana',
    'and',
    'buy',
    'cheap',
    'link:pills.example',
    'link:shop.example',
    'pills',
    'see',
  ]);
});

test('learned spam words score high, learned ham words low, and the words are named', () => {
  const model = trained(spamComments, hamComments);
  const spam = score(model, 'Casino bonus, cheap pills: https://pills1.example');
  expect(spam.active).toBe(true);
  expect(spam.score).toBeGreaterThan(0.99);
  expect(spam.spam).toBe(true);
  expect(spam.spamWords.map((w) => w.token)).toEqual(
    expect.arrayContaining(['casino', 'bonus', 'cheap', 'pills']),
  );
  expect(spam.spamWords.length).toBeLessThanOrEqual(5);
  const ham = score(model, 'The planner section on indexes was clear, thanks');
  expect(ham.score).toBeLessThan(0.01);
  expect(ham.spam).toBe(false);
  expect(ham.spamWords).toEqual([]);
});

test('words never seen carry no evidence: the score stays at one half', () => {
  const model = trained(spamComments, hamComments);
  expect(score(model, 'Lovely photographs of mountains').score).toBe(0.5);
});

test('cold start: below the minimum of either kind, nothing is held', () => {
  const fewSpam = trained(spamComments.slice(0, MIN_EXAMPLES_PER_CLASS - 1), hamComments);
  const verdict = score(fewSpam, 'Casino bonus, cheap pills');
  expect(verdict.score).toBeGreaterThan(0.9);
  expect(verdict).toMatchObject({ active: false, spam: false });
  const fewHam = trained(spamComments, hamComments.slice(0, MIN_EXAMPLES_PER_CLASS - 1));
  expect(score(fewHam, 'Casino bonus, cheap pills')).toMatchObject({ active: false, spam: false });
});

test('a long honest comment with one spammy word is judged by its clearest words', () => {
  const model = trained(spamComments, hamComments);
  const verdict = score(
    model,
    'Thanks, the query planner section helped with my indexes; no casino needed',
  );
  expect(verdict.spam).toBe(false);
});
