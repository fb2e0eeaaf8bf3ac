// What a notification says, in the reader's language: built from its kind and its `detail`
// (codes and values from the server), never from the server's plain-text `message`, except for
// the words a user wrote (a saved search's words, a message's text, a file's name).

// Returns the text before the notification's title link.
export function notificationText(n, t) {
  const d = n.detail || {};
  const stage = (code) => (code ? t(`deals.stages.${code}`) : '');
  switch (n.kind) {
    case 'deal_stage':
      if (d.to) {
        const text = t('notifications.kinds.deal_stage', { from: stage(d.from), to: stage(d.to) });
        return d.reason ? `${text} ${t('notifications.reason', { reason: t(`deals.reasons.${d.reason}`) })}` : text;
      }
      return t('notifications.kinds.deal_stage_plain');
    case 'deal_proposal':
    case 'proposal_withdrawn':
    case 'proposal_refused':
      return t(`notifications.kinds.${n.kind}`, { stage: stage(d.stage) });
    case 'deal_contract':
      return t('notifications.kinds.deal_contract', { no: d.registration_no || n.message });
    case 'join_request':
      return t('notifications.kinds.join_request', { org: d.org_name || '' });
    case 'join_approved':
    case 'join_rejected':
      return d.reason
        ? `${t(`notifications.kinds.${n.kind}`)} ${t('notifications.reason', { reason: d.reason })}`
        : t(`notifications.kinds.${n.kind}`);
    default:
      return t(`notifications.kinds.${n.kind}`, { message: n.message });
  }
}

// Where a notification leads: a deal's notice opens the deal, a call's the call, a request to
// join the organisation page, a listing's the listing.
export function notificationLink(n) {
  if (n.deal_id) return `/workspace/deals/${n.deal_id}`;
  if (n.call_id) return `/challenges/${n.call_id}`;
  if (n.kind && n.kind.startsWith('join_')) return '/workspace/org';
  return `/listings/${n.listing_id}`;
}
