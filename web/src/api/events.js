// Events (对接会、路演与年会, docs/events.md): who may organise them. The server decides
// (service/event_policy.h); the pages only choose which buttons to show.

// True when `user` may create events: platform admins and organisation admins (for their own
// organisation).
export function canOrganise(user) {
  return !!user && (user.role === 'admin' || (user.org_role === 'org_admin' && !!user.org_id));
}

// True when `user` organises `event`: platform admins and the organising organisation's admins.
export function organises(user, event) {
  if (!user || !event) return false;
  return user.role === 'admin' || (user.org_role === 'org_admin' && user.org_id === event.org_id);
}
