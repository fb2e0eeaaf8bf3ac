// The network of partner platforms (朋友圈, docs/network.md §2): the public list of partners, the
// admins' partner directory, and how a directory entry, a fingerprint and a country are shown.
import { api } from './client.js';

// Cooperation framework codes (docs/network.md §2), in the order forms offer them; their labels
// are the messages framework.<code>.
export const FRAMEWORKS = ['belt_and_road', 'rcep', 'cptpp', 'china_japan_korea', 'brics', 'sco',
  'asean', 'eu', 'apec'];

export const PEER_STATUSES = ['requested', 'active', 'suspended', 'removed'];

// The active partner platforms, for everyone.
export function listPartners() {
  return api('/partners');
}

// The directory (platform admins), all or of one status.
export function listPeers(status) {
  return api('/net/peers', { query: { status } });
}

// Adds a platform by its base URL and the key fingerprint its admin gave; it starts requested.
export function addPeer({ baseUrl, fingerprint, frameworks }) {
  return api('/net/peers', {
    method: 'POST',
    body: { base_url: baseUrl.trim(), fingerprint: fingerprint.trim(), frameworks },
  });
}

// `change` is {status}, {country} or {frameworks} (or several).
export function changePeer(id, change) {
  return api(`/net/peers/${id}`, { method: 'PATCH', body: change });
}

// A fingerprint as people compare it: groups of 4 ("ab12 cd34 …"); spaces in the input are
// not part of the value (docs/network.md §1).
export function groupFingerprint(fingerprint) {
  const plain = String(fingerprint || '').replace(/\s+/g, '');
  return plain.match(/.{1,4}/g)?.join(' ') || '';
}

const displayNames = new Map();

// A country's or region's name for an ISO 3166-1 alpha-2 code in `locale` ("JP" → "日本" /
// "Japan"); the code itself when the browser has no name for it, '' for none.
export function countryName(code, locale) {
  const c = String(code || '').trim().toUpperCase();
  if (!c) return '';
  if (!/^[A-Z]{2}$/.test(c)) return c;
  const lang = locale === 'en' ? 'en' : 'zh-CN';
  try {
    if (!displayNames.has(lang)) {
      displayNames.set(lang, new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }));
    }
    return displayNames.get(lang).of(c) || c;
  } catch {
    return c;
  }
}

// Partners grouped by country, the largest group first, then by country name; each group's
// partners by name. `nameOf(code)` names a country ('' for partners without one, last).
export function partnersByCountry(partners, nameOf = (c) => c) {
  const groups = new Map();
  for (const p of partners || []) {
    const code = String(p.country || '').toUpperCase();
    if (!groups.has(code)) groups.set(code, { code, name: code ? nameOf(code) : '', partners: [] });
    groups.get(code).partners.push(p);
  }
  const list = [...groups.values()];
  for (const g of list) g.partners.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return list.sort((a, b) => (!a.code - !b.code) || (b.partners.length - a.partners.length) ||
    a.name.localeCompare(b.name));
}

// The status moves an admin may make on `peer` (docs/network.md §2), as
// [{action, status}] in the order the buttons show: an incoming request is accepted (an
// outgoing one waits for the partner's admin), an active peer suspended, a suspended one
// resumed, and anything but a removed peer removed.
export function peerActions(peer) {
  const out = [];
  switch (peer?.status) {
    case 'requested':
      if (peer.incoming) out.push({ action: 'accept', status: 'active' });
      break;
    case 'active':
      out.push({ action: 'suspend', status: 'suspended' });
      break;
    case 'suspended':
      out.push({ action: 'resume', status: 'active' });
      break;
    default:
      return out;
  }
  out.push({ action: 'remove', status: 'removed' });
  return out;
}

// Whether a listing is a read-only copy of a partner platform's listing (docs/network.md §4).
export function isRemote(listing) {
  return !!listing?.origin;
}

// The origin's page when it is a web address (never javascript: or data:), else ''.
export function originUrl(listing) {
  const url = listing?.origin?.url || '';
  return /^https?:\/\//i.test(url) ? url : '';
}
