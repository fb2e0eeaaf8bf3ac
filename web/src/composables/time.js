// Dates and times in the viewer's time zone (docs/web.md, "Time zone"). The API speaks UTC
// instants ("2026-11-30T16:00:00Z") and calendar dates ("2026-12-01"); people read and enter
// both in one zone: Asia/Shanghai unless they chose another (remembered in localStorage).
// Every date or time the web UI shows or sends goes through this file.
import { ref } from 'vue';

export const DEFAULT_ZONE = 'Asia/Shanghai';
const STORAGE_KEY = 'kc-tz';

// Whether the runtime knows `zone` as an IANA time zone name.
export function isZone(zone) {
  if (!zone || typeof zone !== 'string') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function storedZone() {
  try {
    const z = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isZone(z) ? z : DEFAULT_ZONE;
  } catch {
    return DEFAULT_ZONE;
  }
}

// The viewer's zone; pages re-render when it changes.
export const viewerZone = ref(storedZone());

// Chooses and remembers the viewer's zone (an unknown name is ignored).
export function setViewerZone(zone) {
  if (!isZone(zone)) return;
  viewerZone.value = zone;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, zone);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const partsCache = new Map();

function instantOf(value) {
  if (value == null || value === '') return null;
  const d = value instanceof Date ? value : new Date(typeof value === 'number' ? value * 1000 : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

// The wall-clock parts {year, month, day, hour, minute, second} of instant `d` in `zone`.
function wallClock(d, zone) {
  let fmt = partsCache.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    partsCache.set(zone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
  return {
    year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second,
  };
}

// Minutes `zone` is ahead of UTC at instant `d` (480 for Asia/Shanghai).
export function zoneOffsetMinutes(d, zone) {
  const w = wallClock(d, zone);
  const asUtc = Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second);
  return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60000);
}

function offsetText(minutes) {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `UTC${sign}${Math.floor(m / 60)}${m % 60 ? `:${String(m % 60).padStart(2, '0')}` : ''}`;
}

// The zone's name as shown after a time: "北京时间" for Asia/Shanghai in Chinese, else its
// offset at that instant ("UTC+8", "UTC-5:30", "UTC").
export function zoneLabel(zone, locale, d = new Date()) {
  if (zone === DEFAULT_ZONE && locale !== 'en') return '北京时间';
  return offsetText(zoneOffsetMinutes(d, zone));
}

// "2026-12-01": the calendar day of an instant in `zone`. A calendar date is returned as it
// is (it names a day, not an instant); '' for nothing or for text that is no date.
export function formatDate(value, zone = viewerZone.value) {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const d = instantOf(value);
  if (!d) return value ? String(value) : '';
  const w = wallClock(d, zone);
  return `${w.year}-${w.month}-${w.day}`;
}

// "2026-12-01 09:30 (北京时间)" / "2026-12-01 09:30 (UTC+8)": an instant in `zone`, named.
export function formatDateTime(value, locale, zone = viewerZone.value) {
  if (typeof value === 'string' && DATE_ONLY.test(value)) return value;
  const d = instantOf(value);
  if (!d) return value ? String(value) : '';
  const w = wallClock(d, zone);
  return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute} (${zoneLabel(zone, locale, d)})`;
}

// The instant (ISO, UTC) at which calendar day `day` ("2026-12-01") starts in `zone`, or
// `endOfDay`'s last second of it: what a date picker sends for a window's first and last day.
export function startOfDay(day, zone = viewerZone.value) {
  return wallToInstant(day, 0, zone);
}
export function endOfDay(day, zone = viewerZone.value) {
  return wallToInstant(day, 86399, zone);
}

function wallToInstant(day, secondOfDay, zone) {
  if (!day || !DATE_ONLY.test(day)) return undefined;
  const [y, m, dd] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, dd) + secondOfDay * 1000;
  // Two passes settle the offset across a daylight-saving change.
  let t = guess - zoneOffsetMinutes(new Date(guess), zone) * 60000;
  t = guess - zoneOffsetMinutes(new Date(t), zone) * 60000;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

// "2026-12-01 09:30": the wall-clock date and time of an instant in `zone`, as a date-time
// picker shows it; '' for nothing.
export function wallDateTime(value, zone = viewerZone.value) {
  const d = instantOf(value);
  if (!d) return '';
  const w = wallClock(d, zone);
  return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute}`;
}

// The instant (ISO, UTC) of wall-clock "2026-12-01 09:30" in `zone`: what a date-time picker
// sends (an event's start and end); undefined for anything else.
export function instantOfWall(text, zone = viewerZone.value) {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/.exec(text || '');
  if (!m) return undefined;
  return wallToInstant(m[1], Number(m[2]) * 3600 + Number(m[3]) * 60, zone);
}

// The zones offered in the picker: the default, UTC, and the browser's own when it differs.
export function zoneChoices() {
  const list = [DEFAULT_ZONE, 'UTC'];
  let own = '';
  try {
    own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    own = '';
  }
  if (isZone(own) && !list.includes(own)) list.push(own);
  if (!list.includes(viewerZone.value)) list.push(viewerZone.value);
  return list;
}
