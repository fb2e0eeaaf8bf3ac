// What a notification says, in the viewer's language. The server stores a notice's `kind` and a
// `message` that is user text (a search's words, a title, a note) except for two kinds whose
// message carries codes: a deal's move ("signed → registered", "intent → declined (price): note")
// and a recorded contract ("contract REG-NO", older servers send it as a "deal_document").
// Those codes are translated here; user text is shown as it is.

const STAGE_MOVE = /^([a-z_]+) → ([a-z_]+)(?: \(([a-z_]+)\))?(?:: ([\s\S]*))?$/;
const CONTRACT = /^contract (.*)$/;

// The notice's line for `n` ({kind, message}) with vue-i18n's `t` and `te`.
export function noticeText(n, t, te) {
  const name = (group, code) => (te(`deals.${group}.${code}`) ? t(`deals.${group}.${code}`) : code);
  if (n.kind === 'deal_stage') {
    const m = STAGE_MOVE.exec(n.message || '');
    if (m) {
      let move = t('notices.stageMove', { from: name('stages', m[1]), to: name('stages', m[2]) });
      if (m[3]) move = t('notices.withReason', { move, reason: name('reasons', m[3]) });
      if (m[4]) move = t('notices.withNote', { move, note: m[4] });
      return t('notifications.kinds.deal_stage', { message: move });
    }
  }
  if (n.kind === 'deal_contract' || n.kind === 'deal_document') {
    const m = n.kind === 'deal_contract' ? [null, n.message || ''] : CONTRACT.exec(n.message || '');
    if (m) return t('notices.contract', { no: m[1] });
  }
  const key = `notifications.kinds.${n.kind}`;
  if (te(key)) return t(key, { message: n.message });
  return t('notices.other', { message: n.message });
}
