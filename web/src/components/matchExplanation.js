// The sentences that explain a match (GET /{kind}/{id}/matches), made from the codes and
// values the API returns: each line is { key, params } for vue-i18n's t(), so the wording
// stays in the message files (matches.why.*) and the API never sends prose.

// A score component's value (0..1) in words: the key under matches.level.
export function levelOf(value) {
  const v = Number(value) || 0;
  if (v >= 0.6) return 'strong';
  if (v >= 0.3) return 'medium';
  if (v > 0) return 'weak';
  return 'none';
}

// The lines for one explanation. `format` turns field values into names ({ discipline,
// category, region }: value → text); `sep` joins lists (the language's 、 or , ).
export function explanationLines(explanation, { format = {}, sep = '、' } = {}) {
  const e = explanation || {};
  const lines = [];
  const shared = e.shared_terms || [];
  if (shared.length) lines.push({ key: 'matches.why.sharedTerms', params: { terms: shared.join(sep) } });
  const values = e.field_values || {};
  for (const field of e.field_match || []) {
    const value = values[field];
    const name = value && format[field] ? format[field](value) : value;
    if (name) lines.push({ key: `matches.why.same.${field}`, params: { value: name } });
    else lines.push({ key: `matches.why.sameNoValue.${field}`, params: {} });
  }
  if (e.text_similarity) {
    lines.push({ key: 'matches.why.text', params: { level: `matches.level.${e.text_similarity}` } });
  }
  const components = Object.fromEntries((e.components || []).map((c) => [c.name, c.value]));
  if (components.maturity > 0) {
    lines.push({ key: 'matches.why.maturity', params: { trl: Math.round(components.maturity * 9) } });
  }
  if (components.recency >= 0.5) lines.push({ key: 'matches.why.recent', params: {} });
  const via = e.via_achievements || [];
  if (via.length) lines.push({ key: 'matches.why.via', params: { titles: via.join(sep) } });
  return lines;
}

// A line in the reader's language: params that name a message (matches.level.*) are
// translated first.
export function renderLine(line, t) {
  const params = {};
  for (const [k, v] of Object.entries(line.params)) {
    params[k] = typeof v === 'string' && v.startsWith('matches.level.') ? t(v) : v;
  }
  return t(line.key, params);
}

// What to say above the list: "only N good matches" when the API found fewer good ones than
// asked for, and how many weaker candidates were held back. { key, params } or null.
export function qualityNotice(response, shown) {
  if (!response || !response.few_good_matches) return null;
  const below = Number(response.below_threshold) || 0;
  if (shown === 0) {
    return below > 0 ? { key: 'matches.noGoodHidden', params: { below } } : null;
  }
  if (shown === 1) {
    return { key: below > 0 ? 'matches.onlyOneGoodHidden' : 'matches.onlyOneGood', params: { below } };
  }
  return { key: below > 0 ? 'matches.onlyGoodHidden' : 'matches.onlyGood', params: { n: shown, below } };
}
