// What a person must (and must not) see on the reference page (tests/fixtures/reference-wordpress,
// and its hashed-class variant, which has the same text). Matched against visible text only.

/** The opening words of each of the 13 article paragraphs (introduction, 11 subsections, conclusion). */
export const ARTICLE_PARAGRAPHS = [
  'The Czech Republic has formally accused China of carrying out cyberattacks',
  'According to a statement released by the Czech Foreign Ministry',
  'Czech Foreign Minister Jan Lipavský expressed serious concerns',
  'In response to the accusations, the Chinese Embassy in Prague dismissed',
  'The U.S. Embassy in Prague issued a strong statement',
  'The incident has drawn criticism from both NATO and the European Union',
  'This is not the first time the Czech Republic has been targeted',
  'The recent accusations highlight a broader concern',
  'The attack on the Czech Foreign Ministry demonstrates',
  'The Czech incident underscores a broader trend',
  'Attributing cyberattacks to state actors remains technically challenging',
  'Incidents like the one in the Czech Republic reignite discussions',
  'The Czech Republic’s accusation against China for orchestrating',
];

/** Widgets that "Clean page" must hide: a label and texts from inside each. */
export const WIDGETS = [
  { name: 'Facebook comments box', texts: ['Facebook Comments Box'] },
  { name: 'reply form', texts: ['Tinggalkan Balasan', 'Alamat email Anda tidak akan dipublikasikan', 'Simpan nama, email, dan situs web saya'] },
  { name: 'read-more list', texts: ['Baca Lainnya', 'WhatsApp Defends', 'Council Says AI Trial Helps Reduce Staff Workload'] },
  { name: 'trending widget', texts: ['Trending di Tech News', 'Apple Tests Satellite Messaging for Android Users in Europe'] },
];

/** The outline: 4 Roman-numbered sections (level 1) with numbered subsections (level 2), then Conclusion. */
export const OUTLINE = [
  [1, 'I. The Cyberattack: Details and Accusations'],
  [2, '1. Czech Foreign Ministry Points to APT31'],
  [2, '2. Strong Condemnation from Czech Officials'],
  [1, 'II. China’s Denial and International Reactions'],
  [2, '1. Beijing Denies Involvement'],
  [2, '2. U.S. Joins Czech Republic in Condemnation'],
  [2, '3. NATO and EU Express Solidarity'],
  [1, 'III. A Pattern of Cyber Intrusions'],
  [2, '1. Previous Attacks on Czech Officials'],
  [2, '2. Persistent Threats from State-Sponsored Hackers'],
  [2, '3. The Role of Critical Infrastructure in National Security'],
  [1, 'IV. The Global Response to Cyber Aggression'],
  [2, '1. Elevating Cybersecurity in Foreign Policy'],
  [2, '2. Legal and Diplomatic Challenges Ahead'],
  [2, '3. The Call for International Cyber Norms'],
  [1, 'Conclusion'],
];

export const TITLE = 'Czech Republic Accuses China of Malicious Cyber Campaign Targeting Its Foreign Ministry';

/** innerText collapses whitespace differently per browser: compare on single spaces. */
export const norm = (s) => s.replace(/\s+/g, ' ').trim();

export function missingParagraphs(text) {
  const t = norm(text);
  return ARTICLE_PARAGRAPHS.filter((p) => !t.includes(p));
}

/** Widget texts still visible. */
export function visibleWidgetTexts(text) {
  const t = norm(text);
  return WIDGETS.flatMap((w) => w.texts.filter((x) => t.includes(x)).map((x) => `${w.name}: "${x}"`));
}

// The right-to-left page (tests/e2e/pages/rtl.html).
export const RTL = {
  paragraphs: [
    'في الطابق الثاني من مكتبة الحي القديمة',
    'بدأ المشروع بصندوق واحد من الصور العائلية',
    'رقمنة الوثائق لم تكن سهلة',
    'يرى المشرفون أن المكتبة العامة ليست مستودعاً للكتب فقط',
  ],
  widgets: ['اترك تعليقاً', 'إرسال التعليق', 'حدائق الأسطح تعود إلى وسط المدينة', 'مهرجان الخط العربي يعود في الربيع'],
  outline: ['أرشيف يكتبه السكان', 'من الرفوف إلى الشاشة', 'ما الذي يبقى'],
};
