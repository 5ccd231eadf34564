const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/**
 * Every string one edit (delete, transpose, replace, insert) away from `word`, plus `word`.
 * Trigram similarity misses short words with a transposition (`rsut` shares one trigram with
 * `rust`); looking these variants up by primary key finds them in a few index probes.
 */
export function editVariants(word: string): string[] {
  const chars = [...word];
  const alphabet = [...new Set([...ALPHABET, ...chars])];
  const variants = new Set<string>([word]);
  // Each part is joined once per position: the lookups build ~1,000 variants a typed word.
  for (let i = 0; i <= chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i).join('');
    for (const letter of alphabet) variants.add(head + letter + tail);
    if (i === chars.length) continue;
    const rest = chars.slice(i + 1).join('');
    variants.add(head + rest);
    for (const letter of alphabet) variants.add(head + letter + rest);
    if (i + 1 < chars.length)
      variants.add(head + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''));
  }
  return [...variants];
}
