// News (新闻资讯): who may write it. An article's time is shown like every other
// (composables/time.js).

// Editors write and publish news: the `editor` role and admins.
export function isEditor(user) {
  return !!user && (user.role === 'editor' || user.role === 'admin');
}

