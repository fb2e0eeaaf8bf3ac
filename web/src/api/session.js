// The signed-in user, shared by every page: loaded once from GET /me, set by sign-in, cleared by
// sign-out. A browser without the readable kc_csrf cookie (set with the session cookie at
// sign-in, cleared at sign-out, same lifetime) has no session: it is not asked for, so a
// visitor's pages make no failing request.
import { reactive } from 'vue';
import { api, ApiError, csrfToken } from './client.js';

export const session = reactive({ user: null, loaded: false });

let inflight = null;

// Loads the signed-in user (null for a visitor); concurrent calls share one request.
export function loadSession() {
  if (!inflight) {
    inflight = fetchSession().finally(() => {
      inflight = null;
    });
  }
  return inflight;
}

async function fetchSession() {
  if (!csrfToken()) {
    session.user = null;
    session.loaded = true;
    return null;
  }
  try {
    session.user = await api('/me');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
    // The session ended on the server: forget its marker so that later visits do not ask.
    document.cookie = 'kc_csrf=; Path=/; Max-Age=0; SameSite=Lax';
    session.user = null;
  } finally {
    session.loaded = true;
  }
  return session.user;
}

export async function signIn(username, password) {
  await api('/auth/login', { method: 'POST', body: { username, password } });
  return loadSession();
}

export async function signOut() {
  await api('/auth/logout', { method: 'POST' });
  session.user = null;
}

// The roles of `user`: the platform role (member, reviewer, editor, admin), and org_admin when
// they manage their organisation (a separate role: a reviewer may also be an org admin).
export function rolesOf(user) {
  if (!user) return [];
  return user.org_id && user.org_role === 'org_admin' ? [user.role, 'org_admin'] : [user.role];
}

export function hasRole(...roles) {
  return rolesOf(session.user).some((r) => roles.includes(r));
}
export const isReviewer = () => hasRole('reviewer', 'admin');
export const isAdmin = () => hasRole('admin');
