// The signed-in user, shared by every page: loaded once from GET /me, set by sign-in, cleared by
// sign-out.
import { reactive } from 'vue';
import { api, ApiError } from './client.js';

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
  try {
    session.user = await api('/me');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) throw e;
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

export function hasRole(...roles) {
  return !!session.user && roles.includes(session.user.role);
}
export const isReviewer = () => hasRole('reviewer', 'admin');
export const isAdmin = () => hasRole('admin');
