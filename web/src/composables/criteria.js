// Keys of a campaign's review criteria. The server takes a key of 1 to 40 characters in a-z, 0-9
// and '_', unique within the campaign; reviewers' scores are stored under it.

// A key for a new criterion named `name`: the name's letters and digits (lower case, other runs
// as '_'), or "criterion" when it has none (a Chinese name), numbered when `taken` already has
// it. The key is added to `taken`.
export function criterionKey(name, taken) {
  const base = String(name).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '')
    .slice(0, 32).replace(/_+$/, '') || 'criterion';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  taken.add(key);
  return key;
}
