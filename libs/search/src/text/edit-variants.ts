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
  for (let i = 0; i <= chars.length; i++) {
    const head = chars.slice(0, i).join('');
    const tail = chars.slice(i);
    for (const letter of alphabet) variants.add(head + letter + tail.join(''));
    if (tail.length === 0) continue;
    const rest = tail.slice(1).join('');
    variants.add(head + rest);
    for (const letter of alphabet) variants.add(head + letter + rest);
    if (tail.length > 1) variants.add(head + tail[1] + tail[0] + tail.slice(2).join(''));
  }
  return [...variants];
}
