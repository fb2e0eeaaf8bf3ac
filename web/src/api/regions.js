// Provincial-level divisions (GB/T 2260, first two digits + "0000") for region pickers and for
// naming a listing's region in either language. A listing may carry any 6-digit code; the
// province is found by its first two digits. The pinyin of each short name (without 省, 市,
// 自治区…) lets a picker find it by full pinyin or by initials.
export const PROVINCES = [
  ['110000', '北京市', 'Beijing', 'bei jing'], ['120000', '天津市', 'Tianjin', 'tian jin'],
  ['130000', '河北省', 'Hebei', 'he bei'], ['140000', '山西省', 'Shanxi', 'shan xi'],
  ['150000', '内蒙古自治区', 'Inner Mongolia', 'nei meng gu'],
  ['210000', '辽宁省', 'Liaoning', 'liao ning'], ['220000', '吉林省', 'Jilin', 'ji lin'],
  ['230000', '黑龙江省', 'Heilongjiang', 'hei long jiang'], ['310000', '上海市', 'Shanghai', 'shang hai'],
  ['320000', '江苏省', 'Jiangsu', 'jiang su'], ['330000', '浙江省', 'Zhejiang', 'zhe jiang'],
  ['340000', '安徽省', 'Anhui', 'an hui'], ['350000', '福建省', 'Fujian', 'fu jian'],
  ['360000', '江西省', 'Jiangxi', 'jiang xi'], ['370000', '山东省', 'Shandong', 'shan dong'],
  ['410000', '河南省', 'Henan', 'he nan'], ['420000', '湖北省', 'Hubei', 'hu bei'],
  ['430000', '湖南省', 'Hunan', 'hu nan'], ['440000', '广东省', 'Guangdong', 'guang dong'],
  ['450000', '广西壮族自治区', 'Guangxi', 'guang xi'], ['460000', '海南省', 'Hainan', 'hai nan'],
  ['500000', '重庆市', 'Chongqing', 'chong qing'], ['510000', '四川省', 'Sichuan', 'si chuan'],
  ['520000', '贵州省', 'Guizhou', 'gui zhou'], ['530000', '云南省', 'Yunnan', 'yun nan'],
  ['540000', '西藏自治区', 'Tibet', 'xi zang'], ['610000', '陕西省', 'Shaanxi', 'shan xi'],
  ['620000', '甘肃省', 'Gansu', 'gan su'], ['630000', '青海省', 'Qinghai', 'qing hai'],
  ['640000', '宁夏回族自治区', 'Ningxia', 'ning xia'], ['650000', '新疆维吾尔自治区', 'Xinjiang', 'xin jiang'],
  ['710000', '台湾省', 'Taiwan', 'tai wan'], ['810000', '香港特别行政区', 'Hong Kong', 'xiang gang'],
  ['820000', '澳门特别行政区', 'Macao', 'ao men'],
].map(([code, zh, en, syllables]) => ({
  code,
  zh,
  en,
  pinyin: syllables.replace(/ /g, ''),
  initials: syllables.split(' ').map((x) => x[0]).join(''),
}));

// The province's name for a region code in the given locale ('' when unknown).
export function regionName(code, locale) {
  if (!code || code.length < 2) return '';
  const p = PROVINCES.find((x) => x.code.slice(0, 2) === code.slice(0, 2));
  if (!p) return code;
  return locale === 'en' ? p.en : p.zh;
}

// Whether province `p` answers what a person typed: part of its Chinese or English name or of
// its code, its full pinyin ("beijing", "bei jing"), or the start of its initials ("bj").
export function regionMatches(p, typed) {
  const q = String(typed || '').trim().toLowerCase();
  if (!q) return true;
  if (p.zh.includes(q) || p.en.toLowerCase().includes(q) || p.code.startsWith(q)) return true;
  const letters = q.replace(/[\s']/g, '');
  if (!/^[a-z]+$/.test(letters)) return false;
  return p.pinyin.startsWith(letters) || p.initials.startsWith(letters);
}
