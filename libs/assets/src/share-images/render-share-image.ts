import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { AssetValidationError } from '../thumbnails/errors.js';
import { shareImageFonts } from './share-image-fonts.js';
import { type ShareImageText } from './share-image-key.js';

/** The size Open Graph and Twitter's large card show without cropping. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;
/** Longer text is refused before anything is laid out: no title or site name is this long. */
export const MAX_SHARE_TEXT_LENGTH = 1000;
/** Shown at most; a longer title ends with an ellipsis. */
const SHOWN_TITLE_LENGTH = 160;
const SHOWN_SITE_NAME_LENGTH = 60;

const INK = '#1c1d21';
const PAPER = '#fdfdfc';
const ACCENT = '#1d4ed8';
const MUTED = '#5b5e66';

/** A satori element, written as the object JSX would make (the library needs no React). */
interface Element {
  type: string;
  props: { style?: Record<string, string | number>; children?: Element[] | string };
}

const element = (
  type: string,
  style: Record<string, string | number>,
  children?: Element[] | string,
): Element => ({ type, props: { style, ...(children === undefined ? {} : { children }) } });

/**
 * A 1200x630 PNG of a post's title and the site's name, for links shared without a cover:
 * laid out by satori (HTML and flexbox to SVG), drawn by resvg. Throws an AssetValidationError
 * (400) for an empty or absurdly long text.
 */
export async function renderShareImage(text: ShareImageText): Promise<Buffer> {
  const title = shown(text.title, 'title', SHOWN_TITLE_LENGTH);
  const siteName = shown(text.siteName, 'siteName', SHOWN_SITE_NAME_LENGTH);
  const svg = await satori(layout(title, siteName) as Parameters<typeof satori>[0], {
    width: SHARE_IMAGE_WIDTH,
    height: SHARE_IMAGE_HEIGHT,
    fonts: await shareImageFonts(),
  });
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: SHARE_IMAGE_WIDTH },
    // Only the fonts satori embedded as paths: nothing depends on the machine's fonts.
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}

function shown(value: string, field: string, length: number): string {
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length === 0) throw new AssetValidationError('invalid-text', `${field} is empty.`);
  if (value.length > MAX_SHARE_TEXT_LENGTH) {
    throw new AssetValidationError(
      'invalid-text',
      `${field} must be at most ${MAX_SHARE_TEXT_LENGTH} characters.`,
    );
  }
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text;
}

/** Big titles for short ones; a long title gets smaller type so it still fits five lines. */
function titleSize(title: string): number {
  if (title.length <= 40) return 76;
  if (title.length <= 80) return 64;
  if (title.length <= 120) return 54;
  return 46;
}

function layout(title: string, siteName: string): Element {
  return element(
    'div',
    {
      display: 'flex',
      width: '100%',
      height: '100%',
      background: PAPER,
      fontFamily: 'Inter',
    },
    [
      element('div', { width: 24, height: '100%', background: ACCENT }),
      element(
        'div',
        {
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          flexGrow: 1,
          padding: '72px 80px 64px 72px',
        },
        [
          element(
            'div',
            {
              display: 'flex',
              fontSize: titleSize(title),
              fontWeight: 700,
              lineHeight: 1.15,
              color: INK,
              letterSpacing: '-0.02em',
            },
            title,
          ),
          element('div', { display: 'flex', alignItems: 'center' }, [
            element('div', {
              width: 48,
              height: 8,
              background: ACCENT,
              borderRadius: 4,
              marginRight: 24,
            }),
            element(
              'div',
              { display: 'flex', fontSize: 34, fontWeight: 400, color: MUTED },
              siteName,
            ),
          ]),
        ],
      ),
    ],
  );
}
