import { Logger } from '@nestjs/common';
import { pictureData } from '@inkwell/assets/thumbnails';
import hljs from 'highlight.js';
import { Marked, type Tokens } from 'marked';
import markedFootnote from 'marked-footnote';
import sanitizeHtml from 'sanitize-html';
import { THUMBNAIL_URL_PATTERN, UPLOADED_IMAGE_URL } from '../images/image-paths.js';
import { parseCodeInfo } from './code-info.js';
import { markCodeLines } from './highlighted-lines.js';
import { limitNesting } from './limit-nesting.js';
import { slugify } from './slugify.js';

const logger = new Logger('Markdown');

/** Sizes of the uploads a post shows, by content hash. */
export type KnownImages = ReadonlyMap<string, { width: number; height: number }>;

/** Post images fill the text column at most (see the web app's stylesheet). */
const POST_IMAGE_SIZES = '(min-width: 48rem) 46rem, 100vw';

const SAFE_SCHEMES = ['http', 'https', 'mailto'];

/** Ids the footnote extension gives its references and notes (`footnote-ref-1`, `footnote-1`). */
const FOOTNOTE_ID = /^footnote-[\w-]+$/;

/** Keeps an element's id only when it is one of the footnotes' own. */
function keepFootnoteId(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { id, ...rest } = attribs;
  return { tagName, attribs: id && FOOTNOTE_ID.test(id) ? { ...rest, id } : rest };
}

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
    a: [
      'href',
      'title',
      'rel',
      'class',
      'id',
      'aria-label',
      'aria-describedby',
      'data-footnote-ref',
      'data-footnote-backref',
    ],
    div: ['class'],
    li: ['id'],
    section: ['class', 'data-footnotes'],
    img: ['src', 'srcset', 'sizes', 'alt', 'title', 'width', 'height', 'loading', 'decoding'],
    source: ['srcset', 'sizes', 'type', 'media'],
    code: ['class'],
    span: ['class'],
    pre: ['class'],
    th: ['align'],
    td: ['align'],
    input: ['type', 'checked', 'disabled'],
    h1: ['id'],
    h2: ['id', 'class'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
  },
  allowedClasses: {
    a: ['heading-anchor'],
    div: ['heading'],
    section: ['footnotes'],
    h2: ['visually-hidden'],
    code: ['hljs', 'language-*'],
    span: ['hljs-*', 'code-line', 'code-line--marked'],
    pre: ['hljs'],
  },
  transformTags: { a: keepFootnoteId, li: keepFootnoteId },
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

/** A section heading of a post (h2 to h4), for its table of contents. */
export interface PostHeading {
  id: string;
  /** Plain text, unescaped. */
  text: string;
  depth: 2 | 3 | 4;
}

/** Post headings of these levels get a permalink and a line in the table of contents. */
function isSectionDepth(depth: number): depth is PostHeading['depth'] {
  return depth >= 2 && depth <= 4;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text of a heading's inline tokens without the tags an author typed, entities decoded. */
function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#(\d+)|([a-z]+));/gi, (entity, code?: string, name?: string) =>
      code ? String.fromCodePoint(Number(code)) : (ENTITIES[name!.toLowerCase()] ?? entity),
    )
    .trim();
}

interface HeadingParser {
  parser: {
    parseInline(tokens: Tokens.Heading['tokens'], renderer?: unknown): string;
    textRenderer: unknown;
  };
}

function createMarked(
  withHeadingAnchors: boolean,
  images: KnownImages = new Map(),
  headings: PostHeading[] = [],
): Marked {
  const usedIds = new Map<string, number>();
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(this: HeadingParser, token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        if (!withHeadingAnchors) return `<p><strong>${inner}</strong></p>\n`;
        const base = slugify(inner) || 'section';
        const count = usedIds.get(base) ?? 0;
        usedIds.set(base, count + 1);
        const id = count === 0 ? base : `${base}-${count}`;
        const heading = `<h${token.depth} id="${id}">${inner}</h${token.depth}>`;
        if (!isSectionDepth(token.depth)) return `${heading}\n`;
        const text = plainText(this.parser.parseInline(token.tokens, this.parser.textRenderer));
        headings.push({ id, text, depth: token.depth });
        // The link sits beside the heading, not in it: the heading's name stays its text.
        return (
          `<div class="heading">${heading}<a class="heading-anchor" href="#${id}" ` +
          `aria-label="Permalink: ${escapeHtml(text)}">#</a></div>\n`
        );
      },
      image(token: Tokens.Image) {
        return renderImage(token, images);
      },
      code(token: Tokens.Code) {
        const info = parseCodeInfo(token.lang);
        const { html, language } = highlight(token.text, info.language);
        const className = language ? `hljs language-${language}` : 'hljs';
        const lines = info.markedLines.length > 0 ? markCodeLines(html, info.markedLines) : html;
        return `<pre><code class="${className}">${lines}</code></pre>\n`;
      },
    },
  });
  if (withHeadingAnchors) {
    marked.use(markedFootnote({ headingClass: 'visually-hidden', description: 'Footnotes' }));
  }
  return marked;
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

/** A post's body as readers see it, and the headings its table of contents lists. */
export interface RenderedPost {
  html: string;
  headings: PostHeading[];
}

/**
 * Renders a post's Markdown to sanitized HTML: headings with anchors and permalinks, highlighted
 * code with marked lines, footnotes, and uploaded images as responsive thumbnails.
 */
export function renderPost(markdown: string, images?: KnownImages): RenderedPost {
  // Text shown plain has no headings: only a render that succeeded sets them.
  let headings: PostHeading[] = [];
  const html = renderOrShowAsText(markdown, (text) => {
    const found: PostHeading[] = [];
    const rendered = createMarked(true, images, found).parse(limitNesting(text), {
      async: false,
    });
    const safe = sanitizeHtml(rendered, postPolicy);
    headings = found;
    return safe;
  });
  return { html, headings };
}

/** `renderPost`'s HTML alone (the editor's preview). */
export function renderPostMarkdown(markdown: string, images?: KnownImages): string {
  return renderPost(markdown, images).html;
}

/** Renders a reader's comment: no headings, images or raw HTML; links get rel=nofollow ugc. */
export function renderCommentMarkdown(markdown: string): string {
  return renderOrShowAsText(markdown, (text) => {
    const html = createMarked(false).parse(limitNesting(text), { async: false });
    return sanitizeHtml(html, commentPolicy);
  });
}
