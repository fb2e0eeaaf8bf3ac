// Notification lines: codes in a deal's move and a recorded contract are translated, from the
// notice's detail or, for notices stored before detail existed, from its message; user text is
// kept as it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createI18n } from 'vue-i18n';
import zhCN from '../../src/i18n/zh-CN.js';
import en from '../../src/i18n/en.js';
import { notificationLink, notificationText } from '../../src/composables/notificationText.js';

function lines(locale) {
  const { t, te } = createI18n({ legacy: false, locale, messages: { 'zh-CN': zhCN, en } }).global;
  return (n) => notificationText(n, t, te);
}

test('a deal stage move is told in words from its detail', () => {
  const zh = lines('zh-CN');
  const text = zh({ kind: 'deal_stage', message: 'x', detail: { from: 'signed', to: 'registered' } });
  assert.match(text, /签约/);
  assert.match(text, /合同登记/);
  assert.doesNotMatch(text, /signed|registered/);
  const refused = lines('en')({ kind: 'deal_stage', detail: { from: 'intent', to: 'declined', reason: 'price' } });
  assert.doesNotMatch(refused, /intent|declined|price\b/);
  const proposal = zh({ kind: 'deal_proposal', detail: { stage: 'completed' } });
  assert.doesNotMatch(proposal, /completed/);
});

test('a join request names the organisation; a rejection carries its reason', () => {
  assert.match(lines('zh-CN')({ kind: 'join_request', detail: { org_name: '甲公司' } }), /甲公司/);
  assert.match(lines('en')({ kind: 'join_rejected', detail: { reason: 'not staff' } }), /not staff/);
});

test('an old deal stage move is told in words, not codes', () => {
  const zh = lines('zh-CN');
  const text = zh({ kind: 'deal_stage', message: 'signed → registered' });
  assert.match(text, /签约/);
  assert.match(text, /合同登记/);
  assert.doesNotMatch(text, /signed|registered/);
  const withReason = zh({ kind: 'deal_stage', message: 'intent → declined (price): too dear' });
  assert.match(withReason, /已婉拒/);
  assert.match(withReason, /价格/);
  assert.match(withReason, /too dear/, 'the note is the person\'s own text');
  const e = lines('en')({ kind: 'deal_stage', message: 'nda → negotiating' });
  assert.doesNotMatch(e, /nda|negotiating/);
});

test('a recorded contract has its own wording, not a new file', () => {
  for (const n of [{ kind: 'deal_document', message: 'contract 2026-440300-001' },
    { kind: 'deal_contract', message: '2026-440300-001' }]) {
    const zh = lines('zh-CN')(n);
    assert.match(zh, /合同/);
    assert.match(zh, /2026-440300-001/);
    assert.doesNotMatch(zh, /文件|contract/);
  }
  assert.match(lines('zh-CN')({ kind: 'deal_document', message: 'plan.pdf' }), /文件.*plan\.pdf/);
});

test('an unknown kind still shows its message', () => {
  assert.match(lines('en')({ kind: 'something_new', message: 'hello' }), /hello/);
});

test('a seat at an event leads to the event', () => {
  const n = { kind: 'event_seat', title: '对接会', detail: { event_id: 7 }, listing_id: 0 };
  assert.equal(notificationLink(n), '/events/7');
  assert.equal(notificationText(n, (k) => k), 'notifications.kinds.event_seat');
});

test('an overdue milestone leads to its task, and names the milestone in both languages', () => {
  const n = {
    kind: 'plan_milestone_overdue', title: '1.1 建成服务平台', message: '平台上线 (2026-01-31)',
    detail: { plan_id: 2, task_id: 9, milestone_id: 4, code: '1.1', due_date: '2026-01-31' },
    listing_id: 0,
  };
  assert.equal(notificationLink(n), '/plans/2/tasks/9');
  assert.match(lines('zh-CN')(n), /逾期.*平台上线 \(2026-01-31\)/);
  assert.match(lines('en')(n), /overdue.*平台上线 \(2026-01-31\)/);
});
