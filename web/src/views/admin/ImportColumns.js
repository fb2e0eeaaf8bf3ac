// The columns of bulk import files (CSV and XLSX), per kind, in the order of the templates that
// GET /import/{kind}/template serves (the server's list is service/import_template.cc;
// docs/import.md describes each column). `required` columns must have a value; `values` names
// the allowed values the column guide lists; `list` columns take several values.

const COMMON = [
  { name: 'region', values: 'region' },
  { name: 'visibility', values: 'visibility' },
  { name: 'contact_name' },
  { name: 'contact_phone', values: 'phone' },
  { name: 'contact_email' },
  { name: 'org_id', values: 'org_id' },
];

export const IMPORT_COLUMNS = {
  demands: [
    { name: 'ref', values: 'ref' },
    { name: 'title', required: true, values: 'line200' },
    { name: 'description', required: true, values: 'text20000' },
    { name: 'keywords', list: true, values: 'keywords' },
    { name: 'category', values: 'category' },
    { name: 'discipline', values: 'discipline' },
    { name: 'budget_min', values: 'amount' },
    { name: 'budget_max', values: 'amount' },
    { name: 'deadline', values: 'date' },
    { name: 'cooperation_modes', list: true, values: 'modes' },
    ...COMMON,
  ],
  achievements: [
    { name: 'ref', values: 'ref' },
    { name: 'title', required: true, values: 'line200' },
    { name: 'abstract', required: true, values: 'text20000' },
    { name: 'keywords', list: true, values: 'keywords' },
    { name: 'category', values: 'category' },
    { name: 'discipline', values: 'discipline' },
    { name: 'maturity', values: 'maturity' },
    { name: 'patents', list: true, values: 'patents' },
    { name: 'transfer_modes', list: true, values: 'modes' },
    { name: 'price_min', values: 'amount' },
    { name: 'price_max', values: 'amount' },
    { name: 'inventors', list: true },
    ...COMMON,
  ],
  experts: [
    { name: 'ref', values: 'ref' },
    { name: 'name', required: true, values: 'line200' },
    { name: 'title', meaning: 'title_expert' },
    { name: 'affiliation' },
    { name: 'bio', values: 'text10000' },
    { name: 'keywords', list: true, values: 'keywords' },
    { name: 'disciplines', list: true, values: 'discipline' },
    { name: 'category', values: 'category' },
    { name: 'discipline', values: 'discipline' },
    ...COMMON,
  ],
  // docs/talent.md
  talents: [
    { name: 'ref', values: 'ref' },
    { name: 'title', required: true, values: 'line200', meaning: 'title_talent' },
    { name: 'name', required: true, values: 'line50', meaning: 'name_talent' },
    { name: 'rank' },
    { name: 'affiliation' },
    { name: 'bio', values: 'text10000' },
    { name: 'keywords', list: true, values: 'keywords' },
    { name: 'disciplines', list: true, values: 'discipline', meaning: 'disciplines_talent' },
    { name: 'country', values: 'country' },
    { name: 'talent_type', values: 'talent_type' },
    { name: 'seeking', list: true, values: 'talent_modes' },
    { name: 'languages', list: true, values: 'languages' },
    { name: 'category', values: 'category' },
    { name: 'discipline', values: 'discipline' },
    ...COMMON,
  ],
  'talent-demands': [
    { name: 'ref', values: 'ref' },
    { name: 'title', required: true, values: 'line200' },
    { name: 'description', required: true, values: 'text20000', meaning: 'description_talent' },
    { name: 'keywords', list: true, values: 'keywords' },
    { name: 'category', values: 'category' },
    { name: 'discipline', values: 'discipline' },
    { name: 'offers', list: true, values: 'talent_modes' },
    { name: 'talent_type', values: 'talent_type' },
    { name: 'languages', list: true, values: 'languages' },
    { name: 'budget_min', values: 'amount' },
    { name: 'budget_max', values: 'amount' },
    { name: 'deadline', values: 'date' },
    ...COMMON,
  ],
};

// The cooperation and transfer modes a `modes` column takes.
export const MODES = ['transfer', 'license', 'joint_development', 'commissioned_development',
  'consulting', 'talent', 'equity', 'other'];

// Records that are not listings, imported from CSV only (no template; docs/events.md "Import",
// docs/bases.md "Import"): the route each file goes to, the menu label, and the columns.
export const RECORD_IMPORTS = {
  events: {
    path: '/events/import',
    label: 'nav.events',
    columns: [
      { name: 'org_id', values: 'org_id', meaning: 'event_org_id' },
      { name: 'kind', required: true, values: 'event_kind', meaning: 'event_kind' },
      { name: 'title', required: true, values: 'line200' },
      { name: 'description', values: 'text10000', meaning: 'event_description' },
      { name: 'starts_at', required: true, values: 'datetime' },
      { name: 'ends_at', required: true, values: 'datetime' },
      { name: 'venue', meaning: 'venue' },
      { name: 'online_url', values: 'url' },
      { name: 'capacity', values: 'capacity' },
      { name: 'listing_ids', list: true, meaning: 'listing_ids' },
      { name: 'status', values: 'event_status', meaning: 'event_status' },
    ],
  },
  bases: {
    path: '/bases/import',
    label: 'nav.bases',
    columns: [
      { name: 'name', required: true, meaning: 'base_name' },
      { name: 'name_en' },
      { name: 'country', required: true, values: 'country', meaning: 'base_country' },
      { name: 'city', required: true },
      { name: 'host_name' },
      { name: 'fields', list: true, values: 'discipline' },
      { name: 'services', list: true, values: 'base_services' },
      { name: 'description', meaning: 'base_description' },
      { name: 'website', values: 'url' },
      { name: 'established', values: 'year' },
      { name: 'status', values: 'base_status', meaning: 'base_status' },
      { name: 'contact_name' },
      { name: 'contact_phone', values: 'phone' },
      { name: 'contact_email' },
      { name: 'people', list: true, values: 'people' },
      { name: 'org_id', values: 'org_id', meaning: 'base_org_id' },
    ],
  },
};
