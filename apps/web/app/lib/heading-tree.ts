import { type PostHeadingView } from '@inkwell/contract';

/** A line of the table of contents and the lines nested under it. */
export interface HeadingNode {
  heading: PostHeadingView;
  children: HeadingNode[];
}

/**
 * Nests headings by level: each goes under the nearest earlier heading of a higher level. A
 * heading that skips a level (an h4 right after an h2) nests one step, not two.
 */
export function headingTree(headings: readonly PostHeadingView[]): HeadingNode[] {
  const roots: HeadingNode[] = [];
  const open: HeadingNode[] = [];
  for (const heading of headings) {
    const node: HeadingNode = { heading, children: [] };
    while (open.length > 0 && open[open.length - 1]!.heading.depth >= heading.depth) open.pop();
    const parent = open[open.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    open.push(node);
  }
  return roots;
}
