import { type DiffSection } from './post-diff.js';

interface DiffViewProps {
  sections: DiffSection[];
  /** What screen readers hear before a line of each side ("saved", "yours"). */
  removedLabel: string;
  addedLabel: string;
}

/** Line diffs of a post's fields: − lines are only in the first text, + lines only in the second. */
export function DiffView({ sections, removedLabel, addedLabel }: DiffViewProps) {
  return (
    <>
      {sections.map((section) => (
        <section key={section.field} className="diff" aria-label={`${section.field} differences`}>
          <h3>{section.field}</h3>
          <pre>
            {section.lines.map((line, index) => (
              <span key={index} className={`diff__line diff__line--${line.kind}`}>
                <span className="visually-hidden">
                  {line.kind === 'added'
                    ? `${addedLabel}: `
                    : line.kind === 'removed'
                      ? `${removedLabel}: `
                      : ''}
                </span>
                <span aria-hidden="true">
                  {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
                </span>
                {line.text}
                {'\n'}
              </span>
            ))}
          </pre>
        </section>
      ))}
    </>
  );
}
