import { DOCUMENT_VECTOR_SQL, type DocumentRow, type IndexedRow } from './document-rows.js';
import { phrasePairHashes } from './phrase-pairs.js';
import { type SqlClient } from './sql-client.js';

/** The vectors of a JSON array of rows (the text columns they are stemmed from), in order. */
const VECTORS_SQL = `SELECT (${DOCUMENT_VECTOR_SQL})::text AS vec
  FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
    AS (kind text, title text, title_parts text, body text, body_parts text))
    WITH ORDINALITY AS x(kind, title, title_parts, body, body_parts, i)
  ORDER BY x.i`;

/**
 * Rows with their vectors, stemmed by the database (its parser and dictionaries decide what a
 * search matches), and their phrase pairs, computed here from the vectors' positions: one
 * statement for the vectors, whose text form then comes back with the row that stores it.
 */
export async function indexedRows(db: SqlClient, rows: DocumentRow[]): Promise<IndexedRow[]> {
  const texts = rows.map(({ kind, title, title_parts, body, body_parts }) => ({
    kind,
    title,
    title_parts,
    body,
    body_parts,
  }));
  const { rows: vectors } = await db.query(VECTORS_SQL, [JSON.stringify(texts)]);
  return rows.map((row, i) => {
    const vec = String(vectors[i]?.vec);
    return { ...row, vec, pairs: `{${phrasePairHashes(vec).join(',')}}` };
  });
}
