// Match explanations are sentences from the message files, made from the API's codes and
// values; the list says when there are few good matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zhCN from '../../src/i18n/zh-CN.js';
import en from '../../src/i18n/en.js';
import { explanationLines, levelOf, qualityNotice, renderLine } from '../../src/components/matchExplanation.js';

// vue-i18n's t() for named parameters, over one message file.
const translator = (messages) => (key, params = {}) => {
  const message = key.split('.').reduce((o, k) => o?.[k], messages);
  assert.equal(typeof message, 'string', `no message ${key}`);
  return message.replace(/\{(\w+)\}/g, (_, name) => String(params[name]));
};

const explanation = {
  shared_terms: ['机器视觉', '缺陷检测'],
  field_match: ['discipline', 'region'],
  field_values: { discipline: '计算机科学与技术', region: '440000' },
  text_similarity: 'strong',
  via_achievements: [],
  components: [
    { name: 'text', value: 1, weight: 0.4 },
    { name: 'maturity', value: 7 / 9, weight: 0.08 },
    { name: 'recency', value: 0.1, weight: 0.05 },
  ],
};

test('an explanation reads as sentences in Chinese, with whole key terms', () => {
  const t = translator(zhCN);
  const lines = explanationLines(explanation, { sep: zhCN.matches.sep, format: { region: () => '广东省' } })
    .map((l) => renderLine(l, t));
  assert.deepEqual(lines, [
    '共有关键术语：机器视觉、缺陷检测',
    '同一学科：计算机科学与技术',
    '同一地区：广东省',
    '文本相似度：高',
    '技术成熟度：TRL 7',
  ]);
  assert.ok(lines.every((l) => !/×|%/.test(l)), 'no arithmetic in the words');
});

test('the same explanation in English', () => {
  const t = translator(en);
  const lines = explanationLines(explanation, { sep: en.matches.sep, format: { region: () => 'Guangdong' } })
    .map((l) => renderLine(l, t));
  assert.equal(lines[0], 'Shares the key terms 机器视觉, 缺陷检测');
  assert.equal(lines[3], 'Text similarity: strong');
});

test('a field without its value is still named, and a recent listing is said to be', () => {
  const t = translator(en);
  const lines = explanationLines({
    field_match: ['category'],
    components: [{ name: 'recency', value: 0.9, weight: 0.05 }],
    via_achievements: ['A', 'B'],
  }, { sep: ', ' }).map((l) => renderLine(l, t));
  assert.deepEqual(lines, ['Same category', 'Published recently', 'Through the achievements A, B']);
});

test('component values in words', () => {
  assert.equal(levelOf(1), 'strong');
  assert.equal(levelOf(0.4), 'medium');
  assert.equal(levelOf(0.1), 'weak');
  assert.equal(levelOf(0), 'none');
});

test('few good matches are said so, with the candidates held back', () => {
  const t = translator(zhCN);
  const say = (res, shown) => {
    const n = qualityNotice(res, shown);
    return n && t(n.key, n.params);
  };
  assert.equal(say({ few_good_matches: false, below_threshold: 40 }, 10), null);
  assert.equal(say({ few_good_matches: true, below_threshold: 0 }, 3), '只有 3 条较好的匹配。');
  assert.equal(say({ few_good_matches: true, below_threshold: 12 }, 2),
    '只有 2 条较好的匹配，另有 12 条相关度较低的候选未显示。');
  assert.equal(say({ few_good_matches: true, below_threshold: 5 }, 1),
    '只有 1 条较好的匹配，另有 5 条相关度较低的候选未显示。');
  assert.equal(say({ few_good_matches: true, below_threshold: 5 }, 0), '5 条候选相关度较低，未显示。');
  assert.equal(say({ few_good_matches: true, below_threshold: 0 }, 0), null);
  // An older server without the fields: nothing to say.
  assert.equal(say({}, 4), null);
});
