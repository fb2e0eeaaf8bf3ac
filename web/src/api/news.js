// News (新闻资讯): who may write it, and how an article's time reads.

// Editors write and publish news: the `editor` role and admins.
export function isEditor(user) {
  return !!user && (user.role === 'editor' || user.role === 'admin');
}

// "2021-01-19T09:35:12+08:00" → "2021-01-19 09:35 (UTC+08:00)": the time as the article gives it.
export function articleTime(iso) {
  if (!iso) return '';
  const m = String(iso).match(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})$/);
  if (!m) return String(iso);
  return `${m[1]} ${m[2]} (UTC${m[3] === 'Z' ? '' : m[3]})`;
}
