import { Logger } from '@nestjs/common';
import { pictureData } from '@inkwell/assets/thumbnails';
import hljs from 'highlight.js';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { THUMBNAIL_URL_PATTERN, UPLOADED_IMAGE_URL } from '../images/image-paths.js';
import { limitNesting } from './limit-nesting.js';
import { slugify } from './slugify.js';

const logger = new Logger('Markdown');

/** Sizes of the uploads a post shows, by content hash. */
export type KnownImages = ReadonlyMap<string, { width: number; height: number }>;

/** Post images fill the text column at most (see the web app's stylesheet). */
const POST_IMAGE_SIZES = '(min-width: 48rem) 46rem, 100vw';

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/** Author-written posts: rich Markdown, still sanitized (a stolen admin session must not XSS readers). */
const postPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'picture',
    'source',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'del',
    'input',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    source: ['srcset', 'sizes', 'type', 'media'],
    code: ['class'],
    span: ['class'],
    pre: ['class'],
    th: ['align'],
    td: ['align'],
    input: ['type', 'checked', 'disabled'],
    h1: ['id'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
  },
  allowedClasses: {
    code: ['hljs', 'language-*'],
    span: ['hljs-*'],
    pre: ['hljs'],
  },
  allowedSchemes: SAFE_SCHEMES,
  allowedSchemesAppliedToAttributes: ['href', 'src', 'srcset'],
  allowProtocolRelative: false,
};

/** Reader comments: text formatting and links only; links never pass ranking or the opener. */
const commentPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'a',
    'code',
    'pre',
    'em',
    'strong',
    'del',
    'ul',
    'ol',
    'li',
    'blockquote',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: SAFE_SCHEMES,
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer' }),
  },
};

function highlight(
  code: string,
  lang: string | undefined,
): { html: string; language: string | null } {
  const language = lang && hljs.getLanguage(lang) ? lang : null;
  if (!language) return { html: escapeHtml(code), language: null };
  return { html: hljs.highlight(code, { language, ignoreIllegals: true }).value, language };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** An uploaded image becomes a responsive <picture> with its size set (no layout shift). */
function renderImage(token: Tokens.Image, images: KnownImages): string {
  const alt = escapeHtml(token.text);
  const hash = UPLOADED_IMAGE_URL.exec(token.href)?.[1];
  const size = hash ? images.get(hash) : undefined;
  if (!hash || !size) {
    return `<img src="${escapeHtml(token.href)}" alt="${alt}" loading="lazy" decoding="async">`;
  }
  const picture = pictureData(
    { hash, ...size },
    { urlPattern: THUMBNAIL_URL_PATTERN, sizes: POST_IMAGE_SIZES },
  );
  const sources = picture.sources
    .map(
      (source) =>
        `<source type="${source.type}" srcset="${source.srcset}" sizes="${source.sizes}">`,
    )
    .join('');
  const { img } = picture;
  return (
    `<picture>${sources}<img src="${img.src}" srcset="${img.srcset}" sizes="${img.sizes}" ` +
    `width="${img.width}" height="${img.height}" alt="${alt}" loading="lazy" decoding="async"></picture>`
  );
}

function createMarked(withHeadingAnchors: boolean, images: KnownImages = new Map()): Marked {
  const usedIds = new Map<string, number>();
  return new Marked({
    gfm: true,
    renderer: {
      heading(
        this: { parser: { parseInline(tokens: Tokens.Heading['tokens']): string } },
        token: Tokens.Heading,
      ) {
        const inner = this.parser.parseInline(token.tokens);
        if (!withHeadingAnchors) return `<p><strong>${inner}</strong></p>\n`;
        const base = slugify(inner) || 'section';
        const count = usedIds.get(base) ?? 0;
        usedIds.set(base, count + 1);
        const id = count === 0 ? base : `${base}-${count}`;
        return `<h${token.depth} id="${id}">${inner}</h${token.depth}>\n`;
      },
      image(token: Tokens.Image) {
        return renderImage(token, images);
      },
      code(token: Tokens.Code) {
        const lang = token.lang?.trim().split(/\s+/)[0];
        const { html, language } = highlight(token.text, lang);
        const className = language ? `hljs language-${language}` : 'hljs';
        return `<pre><code class="${className}">${html}</code></pre>\n`;
      },
    },
  });
}

/**
 * Text that could not be rendered, shown as typed: escaped, one paragraph per blank-line block.
 * A page must never fail because of what one author or reader wrote.
 */
export function renderAsPlainText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>\n')}</p>\n`)
    .join('');
}

/** Runs `render`; if it throws (an input the parser cannot handle), the text is shown plain. */
export function renderOrShowAsText(markdown: string, render: (markdown: string) => string): string {
  try {
    return render(markdown);
  } catch (error) {
    logger.warn(`Markdown shown as plain text, rendering failed: ${String(error)}`);
    return renderAsPlainText(markdown);
  }
}

/**
 * Renders a post's Markdown to sanitized HTML: heading anchors, highlighted code, and uploaded
 * images as responsive thumbnails.
 */
export function renderPostMarkdown(markdown: string, images?: KnownImages): string {
  return renderOrShowAsText(markdown, (text) => {
    const html = createMarked(true, images).parse(limitNesting(text), { async: false });
    return sanitizeHtml(html, postPolicy);
  });
}

/** Renders a reader's comment: no headings, images or raw HTML; links get rel=nofollow ugc. */
export function renderCommentMarkdown(markdown: string): string {
  return renderOrShowAsText(markdown, (text) => {
    const html = createMarked(false).parse(limitNesting(text), { async: false });
    return sanitizeHtml(html, commentPolicy);
  });
}
