import { describe, expect, it } from 'vitest';
import { pictureData, sharedPicture } from './picture.js';

const hash = 'ab'.repeat(32);
const urlPattern = '/images/{hash}/{width}.{ext}';

describe('pictureData', () => {
  it('offers the widths the original fills, then the original width once', () => {
    const data = pictureData({ hash, width: 1000, height: 500 }, { urlPattern, sizes: '50vw' });
    const url = (width: number, ext: string): string => `/images/${hash}/${width}.${ext}`;
    expect(data.sources).toEqual([
      {
        type: 'image/avif',
        sizes: '50vw',
        srcset: `${url(320, 'avif')} 320w, ${url(640, 'avif')} 640w, ${url(960, 'avif')} 960w, ${url(1280, 'avif')} 1000w`,
      },
      {
        type: 'image/webp',
        sizes: '50vw',
        srcset: `${url(320, 'webp')} 320w, ${url(640, 'webp')} 640w, ${url(960, 'webp')} 960w, ${url(1280, 'webp')} 1000w`,
      },
    ]);
    expect(data.img).toEqual({
      src: url(640, 'jpg'),
      srcset: `${url(320, 'jpg')} 320w, ${url(640, 'jpg')} 640w, ${url(960, 'jpg')} 960w, ${url(1280, 'jpg')} 1000w`,
      sizes: '50vw',
      width: 1000,
      height: 500,
    });
  });

  it('offers a single candidate for an image smaller than every width', () => {
    const data = pictureData(
      { hash, width: 200, height: 100 },
      { urlPattern, sourceFormats: ['webp'], widths: [640, 320] },
    );
    expect(data.sources).toEqual([
      { type: 'image/webp', sizes: '100vw', srcset: `/images/${hash}/320.webp 200w` },
    ]);
    expect(data.img.src).toBe(`/images/${hash}/320.jpg`);
  });

  it('keeps the largest offered width when the original is larger than all', () => {
    const data = pictureData(
      { hash, width: 5000, height: 5000 },
      { urlPattern, widths: [320, 640] },
    );
    expect(data.img.srcset).toBe(`/images/${hash}/320.jpg 320w, /images/${hash}/640.jpg 640w`);
  });
});

describe('sharedPicture', () => {
  it('is the 1280 px JPEG, sized from the original', () => {
    expect(sharedPicture({ hash, width: 1600, height: 900 }, urlPattern)).toEqual({
      url: `/images/${hash}/1280.jpg`,
      width: 1280,
      height: 720,
      type: 'image/jpeg',
    });
  });

  it("is the original's width when that is narrower", () => {
    expect(sharedPicture({ hash, width: 800, height: 600 }, urlPattern)).toMatchObject({
      url: `/images/${hash}/1280.jpg`,
      width: 800,
      height: 600,
    });
  });
});
