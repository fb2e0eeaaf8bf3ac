// What a notification says, in the reader's language: built from its kind and its `detail`
// (codes and values from the server), never from the server's plain-text `message`, except for
// the words a user wrote (a saved search's words, a message's text, a file's name, a reason).
// Notices stored before `detail` existed carry their codes in `message` ("signed → registered",
// "intent → declined (price): note", "contract REG-NO"); those codes are translated too.

const STAGE_MOVE = /^([a-z_]+) → ([a-z_]+)(?: \(([a-z_]+)\))?(?:: ([\s\S]*))?$/;
const CONTRACT = /^contract (.*)$/;

// Returns the text before the notification's title link, with vue-i18n's `t` and `te`.
export function notificationText(n, t, te = () => true) {
  const d = n.detail || {};
  const name = (group, code) => {
    if (!code) return '';
    const key = `deals.${group}.${code}`;
    return te(key) ? t(key) : code;
  };
  switch (n.kind) {
    case 'deal_stage':
      if (d.to) {
        const text = t('notifications.kinds.deal_stage', { from: name('stages', d.from), to: name('stages', d.to) });
        return d.reason ? `${text} ${t('notifications.reason', { reason: name('reasons', d.reason) })}` : text;
      }
      return legacyStageMove(n.message, t, name);
    case 'deal_proposal':
    case 'proposal_withdrawn':
    case 'proposal_refused':
      return t(`notifications.kinds.${n.kind}`, { stage: name('stages', d.stage) });
    case 'deal_contract':
      return t('notifications.kinds.deal_contract', { no: d.registration_no || n.message });
    case 'deal_document': {
      const m = CONTRACT.exec(n.message || '');
      if (m) return t('notifications.kinds.deal_contract', { no: m[1] });
      return t('notifications.kinds.deal_document', { message: n.message });
    }
    case 'join_request':
      return t('notifications.kinds.join_request', { org: d.org_name || '' });
    case 'join_approved':
    case 'join_rejected':
      return d.reason
        ? `${t(`notifications.kinds.${n.kind}`)} ${t('notifications.reason', { reason: d.reason })}`
        : t(`notifications.kinds.${n.kind}`);
    default: {
      const key = `notifications.kinds.${n.kind}`;
      return te(key) ? t(key, { message: n.message }) : t('notices.other', { message: n.message });
    }
  }
}

// A stage move told only in its message, as servers wrote it before notices had `detail`.
function legacyStageMove(message, t, name) {
  const m = STAGE_MOVE.exec(message || '');
  if (!m) return t('notifications.kinds.deal_stage_plain');
  let text = t('notifications.kinds.deal_stage', { from: name('stages', m[1]), to: name('stages', m[2]) });
  if (m[3]) text = `${text} ${t('notifications.reason', { reason: name('reasons', m[3]) })}`;
  if (m[4]) text = `${text} ${t('notices.note', { note: m[4] })}`;
  return text;
}

// Where a notification leads: a deal's notice opens the deal, a challenge's the challenge, a request to
// join the organisation page, a seat at an event the event, a listing's the listing.
export function notificationLink(n) {
  if (n.deal_id) return `/workspace/deals/${n.deal_id}`;
  if (n.kind === 'event_seat' && n.detail?.event_id) return `/events/${n.detail.event_id}`;
  if (n.kind === 'plan_milestone_overdue' && n.detail?.task_id) return `/plans/${n.detail.plan_id}/tasks/${n.detail.task_id}`;
  if (n.call_id) return `/challenges/${n.call_id}`;
  if (n.kind && n.kind.startsWith('join_')) return '/workspace/org';
  return `/listings/${n.listing_id}`;
}
