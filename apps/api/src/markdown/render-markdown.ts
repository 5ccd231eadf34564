import hljs from 'highlight.js';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { slugify } from './slugify.js';

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

function createMarked(withHeadingAnchors: boolean): Marked {
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
      code(token: Tokens.Code) {
        const lang = token.lang?.trim().split(/\s+/)[0];
        const { html, language } = highlight(token.text, lang);
        const className = language ? `hljs language-${language}` : 'hljs';
        return `<pre><code class="${className}">${html}</code></pre>\n`;
      },
    },
  });
}

/** Renders a post's Markdown to sanitized HTML with heading anchors and highlighted code. */
export function renderPostMarkdown(markdown: string): string {
  const html = createMarked(true).parse(markdown, { async: false });
  return sanitizeHtml(html, postPolicy);
}

/** Renders a reader's comment: no headings, images or raw HTML; links get rel=nofollow ugc. */
export function renderCommentMarkdown(markdown: string): string {
  const html = createMarked(false).parse(markdown, { async: false });
  return sanitizeHtml(html, commentPolicy);
}
