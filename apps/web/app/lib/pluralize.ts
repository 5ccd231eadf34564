/** The site is written in English (`<html lang="en">`): its plural categories decide the noun. */
const englishPlurals = new Intl.PluralRules('en');

/** "1 comment", "3 comments", "0 comments": the count followed by the right form of the noun. */
export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${englishPlurals.select(count) === 'one' ? singular : plural}`;
}
