import { type DemoPost } from '../types.js';

export const webPerformancePosts: DemoPost[] = [
  {
    slug: 'web-fonts-and-core-web-vitals',
    title: 'Web fonts without hurting Core Web Vitals',
    summary:
      'How custom web fonts affect Largest Contentful Paint and Cumulative Layout Shift, and the fixes that worked here: WOFF2 subsets, preload, font-display and metric overrides for the fallback font.',
    categories: ['web-performance'],
    status: 'PUBLISHED',
    publishedAt: '2024-04-28T10:05:00Z',
    body: `When I switched this blog's body text to a custom typeface, the pages looked better and measured worse. Largest Contentful Paint (LCP) on mobile went from 1.6 s to 2.4 s, and Cumulative Layout Shift (CLS) jumped when the font arrived and every paragraph reflowed. Fonts are render-critical resources, and they deserve the same care as images.

## What goes wrong

The browser discovers a font late: it must download the HTML, then the CSS, then build the render tree and notice that visible text uses the font. Only then does the download start. Meanwhile text is either invisible (a "flash of invisible text") or drawn in a fallback font that is then swapped, shifting the layout.

## 1. Serve fewer, smaller files

- Use WOFF2 only. Every current browser supports it, and it compresses better than WOFF.
- Subset to the characters you need. For a Latin-only blog, the \`latin\` subset cut each file from 98 KB to 22 KB:

\`\`\`bash
pyftsubset SourceSerif4-Regular.ttf \\
  --unicodes="U+0000-00FF,U+2013-2014,U+2018-201D,U+2026" \\
  --flavor=woff2 --output-file=source-serif-latin.woff2
\`\`\`

- Consider a variable font: one file for all weights instead of four.

## 2. Start the download early

A preload hint in the \`<head>\` makes the browser fetch the font with the HTML, without waiting for the CSS:

\`\`\`html
<link rel="preload" href="/fonts/source-serif-latin.woff2"
      as="font" type="font/woff2" crossorigin>
\`\`\`

The \`crossorigin\` attribute is required even for same-origin fonts, because fonts are always fetched in CORS mode; without it the browser downloads the file twice. Preload only the one or two fonts used above the fold.

## 3. Choose the swap behaviour

\`\`\`css
@font-face {
  font-family: "Source Serif";
  src: url("/fonts/source-serif-latin.woff2") format("woff2");
  font-weight: 200 900;
  font-display: swap;
}
\`\`\`

| \`font-display\` | Behaviour | Good for |
| --- | --- | --- |
| \`block\` | Invisible text up to 3 s | Icon fonts |
| \`swap\` | Fallback at once, swap when loaded | Body text with a well-matched fallback |
| \`fallback\` | Short block, swap only if fast | A compromise |
| \`optional\` | Use the font only if it is already there | Best CLS, font may not show on first visit |

## 4. Make the fallback the same size

With \`swap\`, the layout shift comes from the fallback font having different metrics. \`size-adjust\` and the metric override descriptors make a local font occupy the same space as the web font:

\`\`\`css
@font-face {
  font-family: "Source Serif Fallback";
  src: local("Georgia");
  size-adjust: 104%;
  ascent-override: 92%;
  descent-override: 28%;
  line-gap-override: 0%;
}

body {
  font-family: "Source Serif", "Source Serif Fallback", Georgia, serif;
}
\`\`\`

Tools such as Fontaine or the \`next/font\` package compute those numbers for you. I tuned mine by hand, overlaying screenshots.

## Results

After all four steps, mobile LCP was back to 1.7 s and CLS from fonts went to effectively zero. The web.dev guide on [optimising web fonts](https://web.dev/learn/performance/optimize-web-fonts) covers the same ground with more detail on \`unicode-range\`.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Rosa Jiménez',
        authorEmail: 'rosa.j@example.com',
        body: 'The `crossorigin` gotcha on preload is a classic. The double download does not even show as an error, just as two rows in the network panel.',
        approved: true,
        hoursAfterPost: 18,
      },
    ],
  },
  {
    slug: 'responsive-images-and-thumbnails-with-srcset',
    title: 'Responsive images and thumbnails with srcset, sizes and AVIF',
    summary:
      'Serving images that fit every screen: generating thumbnails at several widths, describing them with srcset and sizes, modern formats with picture, and lazy loading without hurting LCP.',
    categories: ['web-performance'],
    status: 'PUBLISHED',
    publishedAt: '2025-12-03T08:10:00Z',
    body: `Screenshots are the heaviest part of this blog. A 2400-pixel-wide PNG looks sharp on a laptop and is a waste on a phone, where it is shown 360 CSS pixels wide. Responsive images let the browser pick the right file, but only if you give it choices and tell it how large the image will be displayed.

## Generate thumbnails at several widths

At upload time, each image is resized to a handful of widths in WebP and AVIF. With [sharp](https://sharp.pixelplumbing.com/) in Node.js:

\`\`\`js
import sharp from 'sharp';

const widths = [400, 800, 1200, 1600];

for (const width of widths) {
  const pipeline = sharp(original).resize({ width, withoutEnlargement: true });
  await pipeline.clone().webp({ quality: 78 }).toFile(\`\${name}-\${width}.webp\`);
  await pipeline.clone().avif({ quality: 55 }).toFile(\`\${name}-\${width}.avif\`);
}
\`\`\`

\`withoutEnlargement\` avoids upscaling small originals. Thumbnails are cached on disk by a hash of the original and the parameters, so they are generated once.

## Describe them with srcset and sizes

\`\`\`html
<img
  src="/images/editor-800.webp"
  srcset="/images/editor-400.webp 400w,
          /images/editor-800.webp 800w,
          /images/editor-1200.webp 1200w,
          /images/editor-1600.webp 1600w"
  sizes="(min-width: 50rem) 46rem, calc(100vw - 2rem)"
  width="1600" height="1000"
  alt="The post editor with the Markdown preview open">
\`\`\`

\`srcset\` with \`w\` descriptors lists the files and their intrinsic widths. \`sizes\` tells the browser how wide the image will be displayed, before any CSS has loaded. The browser multiplies that by the device pixel ratio and picks the smallest sufficient file. Getting \`sizes\` wrong is the most common mistake: with the default of \`100vw\`, a phone with a 3x screen downloads the 1200-pixel version for an image shown in a narrow column.

## Modern formats with picture

\`\`\`html
<picture>
  <source type="image/avif" srcset="/images/editor-800.avif 800w, /images/editor-1600.avif 1600w" sizes="(min-width: 50rem) 46rem, 100vw">
  <img src="/images/editor-800.webp" srcset="..." sizes="..." width="1600" height="1000" alt="...">
</picture>
\`\`\`

The browser takes the first \`source\` whose type it supports. The \`img\` remains the fallback and carries \`alt\`, dimensions and loading attributes.

| Format | Size of a typical screenshot (800 px) | Encode time |
| --- | --- | --- |
| PNG | 310 KB | fast |
| WebP, quality 78 | 64 KB | ~40 ms |
| AVIF, quality 55 | 41 KB | ~220 ms |

## Dimensions and lazy loading

- Always set \`width\` and \`height\`. The browser derives the aspect ratio and reserves space, which prevents layout shift.
- \`loading="lazy"\` on images below the fold saves bandwidth for readers who never scroll.
- Never lazy-load the image that is likely to be the Largest Contentful Paint element. Give it \`fetchpriority="high"\` instead.

## Checking the result

The network panel shows which candidate was chosen; resize the window or emulate a phone and reload. The MDN guide to [responsive images](https://developer.mozilla.org/en-US/docs/Web/HTML/Responsive_images) explains the selection algorithm in detail.
`,
    comments: [
      {
        key: 'c1',
        authorName: 'Jakub Nowak',
        authorEmail: 'jakub.n@example.org',
        body: 'The point about `sizes` defaulting to `100vw` explains so much about our bandwidth bill.',
        approved: true,
        hoursAfterPost: 3,
      },
      {
        key: 'c2',
        authorName: 'Hiro Sato',
        authorEmail: 'hiro.s@example.com',
        body: 'Have you considered generating thumbnails lazily on the first request instead of at upload? That way a new width in the design does not require regenerating everything.',
        approved: true,
        hoursAfterPost: 26,
      },
      {
        key: 'c3',
        authorName: 'Inkwell author',
        authorEmail: 'author@example.com',
        body: 'That is how it works now, actually: the upload only stores the original, and each width is generated on first request and then served from the disk cache. The loop above is from the first version.',
        approved: true,
        replyTo: 'c2',
        hoursAfterPost: 30,
      },
    ],
  },
  {
    slug: 'http-caching-headers-cache-control-etag-and-stale-while-revalidate',
    title: 'HTTP caching headers: Cache-Control, ETag and stale-while-revalidate',
    summary:
      'A practical guide to the HTTP caching headers behind a fast blog: immutable assets, revalidated HTML with ETag, stale-while-revalidate for shared caches, and the private directive for signed-in pages.',
    categories: ['web-performance', 'devops'],
    status: 'PUBLISHED',
    publishedAt: '2026-04-22T13:20:00Z',
    body: `The fastest request is the one that never reaches the server. HTTP has a complete caching model built in, yet most sites either send no caching headers at all or cache the wrong things. This is the policy this blog uses, resource by resource.

## The directives that matter

| Directive | Meaning |
| --- | --- |
| \`max-age=N\` | Fresh for N seconds; reuse without asking |
| \`s-maxage=N\` | Same, for shared caches (CDN, proxy) only |
| \`no-cache\` | Store, but revalidate before every reuse |
| \`no-store\` | Never store |
| \`private\` | Only the browser may store it, not shared caches |
| \`immutable\` | Never changes while fresh; skip revalidation on reload |
| \`stale-while-revalidate=N\` | Serve stale for up to N seconds while refreshing in the background |

\`no-cache\` is the most misunderstood: it does not mean "do not cache", it means "always check first".

## Fingerprinted assets: cache forever

CSS and JavaScript bundles have a content hash in their file name (\`app.3f9c2a.js\`). A new version gets a new name, so the old URL can be cached as long as possible:

\`\`\`
Cache-Control: public, max-age=31536000, immutable
\`\`\`

## HTML: revalidate cheaply

Pages change when a post is edited or a comment is approved, so they cannot be cached blindly. Instead, send a validator and let the browser ask:

\`\`\`
Cache-Control: no-cache
ETag: "post-42-v7"
\`\`\`

On the next visit the browser sends \`If-None-Match: "post-42-v7"\`. If nothing changed, the server replies \`304 Not Modified\` with no body. In Express, computing the ETag from the post's version number avoids rendering the page at all:

\`\`\`ts
app.get('/posts/:slug', async (req, res) => {
  const meta = await posts.versionOf(req.params.slug);
  if (!meta) return res.status(404).send('Not found');
  const etag = \`"post-\${meta.id}-v\${meta.version}"\`;
  res.set({ 'Cache-Control': 'no-cache', ETag: etag });
  if (req.headers['if-none-match'] === etag) return res.status(304).end();
  res.send(await renderPost(req.params.slug));
});
\`\`\`

Note that the ETag must also change when anything else on the page changes, such as the approved comments.

## Shared caches: stale-while-revalidate

Behind a CDN, the home page can be served from the edge for a minute and then refreshed in the background while readers still get the slightly stale copy instantly:

\`\`\`
Cache-Control: public, max-age=0, s-maxage=60, stale-while-revalidate=300
\`\`\`

Readers never wait for a refresh, and the origin sees at most one request per minute for that page, however many people are reading.

## Signed-in pages: private

The admin pages and any page that shows "signed in as" must never be stored by a shared cache, or one person's page could be served to another:

\`\`\`
Cache-Control: private, no-cache
\`\`\`

Add \`Vary: Cookie\` only if the same URL really differs by cookie; it fragments caches badly.

## Checking

\`curl -I https://blog.example.com/\` shows the headers; the browser's network panel shows whether a response came from the memory cache, the disk cache or a \`304\`. MDN's [HTTP caching guide](https://developer.mozilla.org/en-US/docs/Web/HTTP/Caching) is the clearest full reference I know.
`,
    comments: [],
  },
];
