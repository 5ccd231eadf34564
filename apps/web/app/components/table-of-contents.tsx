import { type PostHeadingView } from '@inkwell/contract';
import { type HeadingNode, headingTree } from '../lib/heading-tree.js';

/** Posts with fewer section headings are short enough to scan without one. */
export const MIN_TOC_HEADINGS = 3;

function Entries({ nodes }: { nodes: HeadingNode[] }) {
  return (
    <ol>
      {nodes.map(({ heading, children }) => (
        <li key={heading.id}>
          <a href={`#${heading.id}`}>{heading.text}</a>
          {children.length > 0 ? <Entries nodes={children} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** The post's sections as links, nested by level; nothing for a short post. */
export function TableOfContents({ headings }: { headings: PostHeadingView[] }) {
  if (headings.length < MIN_TOC_HEADINGS) return null;
  return (
    <nav className="toc" aria-label="Table of contents">
      <p className="toc__title" aria-hidden="true">
        Contents
      </p>
      <Entries nodes={headingTree(headings)} />
    </nav>
  );
}
