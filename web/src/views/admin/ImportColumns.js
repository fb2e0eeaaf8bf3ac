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
};

// The cooperation and transfer modes a `modes` column takes.
export const MODES = ['transfer', 'license', 'joint_development', 'commissioned_development',
  'consulting', 'talent', 'equity', 'other'];
