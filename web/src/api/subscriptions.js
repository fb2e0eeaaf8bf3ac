// Saved searches, followed listings and in-app notifications (GET/POST/DELETE
// /me/subscriptions, GET /me/notifications, POST /me/notifications/{id}/read), and the unread
// count the header shows.
import { reactive } from 'vue';
import { api } from './client.js';

// The signed-in user's unread notifications, refreshed on navigation (never on a timer).
export const unread = reactive({ count: 0 });

// Re-reads the unread count; resolves to it. Failures leave the last count in place and are
// reported by the caller.
export async function refreshUnread() {
  const res = await api('/me/notifications', { query: { unread: 'true', size: 1 } });
  unread.count = res.total || 0;
  return unread.count;
}

export async function listSubscriptions() {
  return (await api('/me/subscriptions')).items || [];
}

// Saves a search: `query` has q and optionally type, category, discipline, region.
export function saveSearch(query) {
  const body = {};
  for (const k of ['q', 'type', 'category', 'discipline', 'region']) {
    if (query[k]) body[k] = query[k];
  }
  return api('/me/subscriptions', { method: 'POST', body });
}

export function follow(listingId) {
  return api('/me/subscriptions', { method: 'POST', body: { listing_id: Number(listingId) } });
}

export function deleteSubscription(id) {
  return api(`/me/subscriptions/${id}`, { method: 'DELETE' });
}

export function listNotifications({ unreadOnly = false, page = 1, size = 20 } = {}) {
  return api('/me/notifications', { query: { unread: unreadOnly ? 'true' : undefined, page, size } });
}

export async function markRead(id) {
  await api(`/me/notifications/${id}/read`, { method: 'POST' });
  unread.count = Math.max(0, unread.count - 1);
}
