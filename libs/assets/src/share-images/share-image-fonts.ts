import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** A font as satori takes it. */
export interface ShareImageFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

/** Inter's subsets, in fallback order: a glyph missing from one is looked up in the next. */
const SUBSETS = [
  'latin',
  'latin-ext',
  'cyrillic',
  'cyrillic-ext',
  'greek',
  'greek-ext',
  'vietnamese',
];
const WEIGHTS = [400, 700] as const;

let loaded: Promise<ShareImageFont[]> | undefined;

/**
 * Inter (regular and bold) from the `@fontsource/inter` package: installed with the app, read
 * once per process, never fetched at run time. WOFF files, since satori does not read WOFF2.
 */
export function shareImageFonts(): Promise<ShareImageFont[]> {
  loaded ??= loadFonts().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}

async function loadFonts(): Promise<ShareImageFont[]> {
  const require = createRequire(import.meta.url);
  return Promise.all(
    SUBSETS.flatMap((subset) =>
      WEIGHTS.map(async (weight) => ({
        name: 'Inter',
        data: await readFile(
          require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`),
        ),
        weight,
        style: 'normal' as const,
      })),
    ),
  );
}
