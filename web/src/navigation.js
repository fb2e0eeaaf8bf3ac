// The site's menus (docs/web.md, "Navigation"): the header's main menu for everyone, and the
// admin area's side menu for reviewers and administrators. One list each, used by the header,
// its phone drawer, the admin side menu and the breadcrumbs.

const REVIEW_ROLES = ['reviewer', 'admin'];

// The header's items for `user` (null for a visitor), in order: label keys and paths.
export function mainNavItems(user) {
  const items = [
    { to: '/', label: 'nav.home' },
    { to: '/demands', label: 'nav.demands' },
    { to: '/achievements', label: 'nav.achievements' },
    { to: '/experts', label: 'nav.experts' },
    { to: '/talents', label: 'nav.talents' },
    { to: '/challenges', label: 'nav.challenges' },
    { to: '/news', label: 'nav.news' },
    { to: '/events', label: 'nav.events' },
    { to: '/campaigns', label: 'nav.lists' },
    { to: '/bodies', label: 'nav.bodies' },
    { to: '/partners', label: 'nav.partners' },
    { to: '/dashboard', label: 'nav.dashboard' },
  ];
  if (user) items.push({ to: '/workspace', label: 'nav.workspace' });
  const first = adminNavItems(user)[0];
  if (first) items.push({ to: first.to, label: 'adminArea.title', admin: true });
  return items;
}

// The admin area's pages `user` may open (empty for everyone but reviewers and admins).
export function adminNavItems(user) {
  const role = user?.role;
  if (!REVIEW_ROLES.includes(role)) return [];
  const items = [
    { to: '/review', label: 'review.title' },
  ];
  if (role === 'admin') {
    items.push({ to: '/admin/users', label: 'nav.adminUsers' });
    items.push({ to: '/admin/orgs', label: 'nav.adminOrgs' });
    items.push({ to: '/admin/import', label: 'nav.adminImport' });
    items.push({ to: '/admin/peers', label: 'nav.adminPeers' });
  }
  return items;
}

// The item of `items` that `path` is in: the longest `to` that is the path or a prefix of it
// at a "/" ("/demands/12" is in "/demands"; "/" only holds itself).
export function activeItem(items, path) {
  let best = null;
  for (const item of items) {
    const inside = item.to === '/' ? path === '/' : path === item.to || path.startsWith(`${item.to}/`);
    if (inside && (!best || item.to.length > best.to.length)) best = item;
  }
  return best;
}
