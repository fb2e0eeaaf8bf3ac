// The editable fields of each kind of listing, with their empty values: the form's model and
// the body of POST/PATCH use exactly these names (DESIGN §5).
import { KINDS } from '../api/client.js';

const COMMON = () => ({
  keywords: [], category: '', discipline: '', region: '', visibility: 'public', ref: '',
  // Offered to partner platforms (docs/network.md §4); the server's default too.
  shared: true,
  contact: { name: '', phone: '', email: '' },
});

const BY_KIND = {
  demand: () => ({
    title: '', description: '', budget: { negotiable: true }, deadline: '', cooperation_modes: [],
  }),
  achievement: () => ({
    title: '', abstract: '', maturity: null, patents: [], inventors: [], transfer_modes: [],
    price: { negotiable: true },
  }),
  expert: () => ({ name: '', title: '', affiliation: '', bio: '', disciplines: [] }),
  // docs/talent.md
  talent: () => ({
    title: '', name: '', rank: '', affiliation: '', bio: '', disciplines: [], country: '',
    talent_type: '', seeking: [], languages: [], visibility: 'members', shared: false,
  }),
  talent_demand: () => ({
    title: '', description: '', budget: { negotiable: true }, deadline: '', offers: [],
    talent_type: '', languages: [], shared: false,
  }),
};

export function emptyModel(kind) {
  return { ...COMMON(), ...BY_KIND[kind]() };
}

// The model for editing an existing listing (members' view of it).
export function modelFrom(kind, listing) {
  const m = emptyModel(kind);
  for (const k of Object.keys(m)) {
    if (listing[k] === undefined || listing[k] === null) continue;
    m[k] = k === 'contact' ? { ...m.contact, ...listing.contact } : listing[k];
  }
  return m;
}

// The request body: empty optional values are left out of a create.
export function bodyFrom(kind, model, forCreate) {
  const body = JSON.parse(JSON.stringify(model));
  if (!forCreate) return body;
  for (const [k, v] of Object.entries(body)) {
    if (k === KINDS[kind].nameField || k === KINDS[kind].bodyField) continue;
    if (v === '' || v === null || (Array.isArray(v) && v.length === 0)) delete body[k];
  }
  if (body.contact && !body.contact.name && !body.contact.phone && !body.contact.email) {
    delete body.contact;
  }
  return body;
}

export function fieldNames(kind) {
  return [...Object.keys(emptyModel(kind)), 'contact.name', 'contact.phone', 'contact.email'];
}
