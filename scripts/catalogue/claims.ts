/**
 * The claims of synthetic articles: figures a speaker gives, history and
 * events the article states, accusations and denials, official statements.
 * A note on a generated figure says it was generated; the history notes
 * are true.
 */
import type { Filler } from '../../testkit/filler';
import type { Bilingual } from './grammar';
import { REGIONS } from './places';

const bi = (ar: string, en: string): Bilingual => ({ ar, en });

/** A figure a speaker gives: the claim's words, and the figure in both languages for its note. */
export interface Statistic {
  readonly text: string;
  readonly figure: Bilingual;
}

interface StatisticKind {
  readonly topics: readonly string[];
  readonly draw: (fill: Filler, year: number) => Statistic;
}

const STATISTICS: readonly StatisticKind[] = [
  {
    topics: ['trade', 'multilateral', 'security'],
    draw: (fill, year) => {
      const when = period(fill, year - 1);
      const n = fill.int(150, 260);
      const verb = fill.pick(['بلغ', 'تجاوز', 'وصل إلى']);
      return {
        text: `حجم التبادل التجاري بين البلدين ${verb} ${n} مليار دولار ${when.ar}`,
        figure: bi(`${n} مليار دولار ${when.ar}`, `trade of $${n} bn ${when.en}`),
      };
    },
  },
  {
    topics: ['trade', 'multilateral'],
    draw: (fill) => {
      const n = fill.int(80, 99);
      const verb = fill.pick(['بلغت', 'تجاوزت', 'وصلت إلى']);
      return {
        text: `حصة الروبل واليوان في التسويات التجارية بين البلدين ${verb} ${n} في المئة`,
        figure: bi(`${n} في المئة من التسويات`, `${n}% of settlements in roubles and yuan`),
      };
    },
  },
  {
    topics: ['energy'],
    draw: (fill, year) => {
      const when = period(fill, year - 1);
      const n = fill.int(80, 120);
      const verb = fill.pick(['بلغت', 'تجاوزت']);
      return {
        text: `صادرات النفط الروسي إلى الصين ${verb} ${n} مليون طن ${when.ar}`,
        figure: bi(`${n} مليون طن من النفط ${when.ar}`, `${n} million tonnes of oil ${when.en}`),
      };
    },
  },
  {
    topics: ['energy'],
    draw: (fill, year) => {
      const when = period(fill, year - 1);
      const n = fill.int(15, 40);
      const verb = fill.pick(['بلغت', 'تجاوزت', 'وصلت إلى']);
      return {
        text: `إمدادات الغاز عبر خط قوة سيبيريا ${verb} ${n} مليار متر مكعب ${when.ar}`,
        figure: bi(`${n} مليار متر مكعب من الغاز ${when.ar}`, `${n} bcm of gas ${when.en}`),
      };
    },
  },
  {
    topics: ['trade', 'technology'],
    draw: (fill, year) => {
      const n = fill.int(5, 60);
      const since = year - fill.int(2, 6);
      const region = fill.pick(REGIONS);
      return {
        text: `الاستثمارات الصينية في ${region.ar} ${fill.pick(['ارتفعت', 'زادت'])} بنسبة ${n} في المئة منذ عام ${since}`,
        figure: bi(`زيادة ${n} في المئة منذ ${since}`, `Chinese investment in ${region.en} up ${n}% since ${since}`),
      };
    },
  },
  {
    topics: ['trade', 'technology'],
    draw: (fill) => {
      const n = fill.int(10, 90) * 100;
      return {
        text: `أكثر من ${n} شركة صينية تعمل حالياً في السوق الروسية`,
        figure: bi(`${n} شركة`, `more than ${n} Chinese companies in Russia`),
      };
    },
  },
  {
    topics: ['transport'],
    draw: (fill) => {
      const n = fill.int(100, 400);
      return {
        text: `عدد الرحلات الجوية بين البلدين ${fill.pick(['ارتفع', 'وصل'])} إلى ${n} رحلة أسبوعياً`,
        figure: bi(`${n} رحلة أسبوعياً`, `${n} flights a week`),
      };
    },
  },
  {
    topics: ['trade'],
    draw: (fill, year) => {
      const when = period(fill, year - 1);
      const n = fill.int(5, 80);
      return {
        text: `صادرات الحبوب الروسية إلى الصين ${fill.pick(['ارتفعت', 'زادت'])} بنسبة ${n} في المئة ${when.ar}`,
        figure: bi(`زيادة ${n} في المئة ${when.ar}`, `grain exports up ${n}% ${when.en}`),
      };
    },
  },
  {
    topics: ['transport', 'energy'],
    draw: (fill, year) => {
      const when = period(fill, year - 1);
      const n = fill.int(20, 50);
      return {
        text: `حجم البضائع المنقولة عبر طريق البحر الشمالي ${fill.pick(['بلغ', 'تجاوز'])} ${n} مليون طن ${when.ar}`,
        figure: bi(`${n} مليون طن ${when.ar}`, `${n} million tonnes on the Northern Sea Route ${when.en}`),
      };
    },
  },
  {
    topics: ['security', 'multilateral', 'transport'],
    draw: (fill) => {
      const n = fill.int(50, 90);
      const value = fill.int(100, 200);
      return {
        text: `البلدين ينفذان ${n} مشروعاً استثمارياً مشتركاً بقيمة ${value} مليار دولار`,
        figure: bi(`${n} مشروعاً بقيمة ${value} مليار دولار`, `${n} joint projects worth $${value} bn`),
      };
    },
  },
  {
    topics: ['technology'],
    draw: (fill, year) => {
      const when = period(fill, year - 1);
      const n = fill.int(400, 1000);
      return {
        text: `مبيعات السيارات الصينية في روسيا ${fill.pick(['بلغت', 'تجاوزت'])} ${n} ألف سيارة ${when.ar}`,
        figure: bi(`${n} ألف سيارة ${when.ar}`, `${n},000 Chinese cars sold in Russia ${when.en}`),
      };
    },
  },
];

/** When a figure was measured: a year, or part of one. */
function period(fill: Filler, year: number): Bilingual {
  return fill.pick([
    bi(`خلال عام ${year}`, `in ${year}`),
    bi(`في عام ${year}`, `in ${year}`),
    bi(`في النصف الأول من عام ${year}`, `in the first half of ${year}`),
    bi(`خلال الأشهر التسعة الأولى من عام ${year}`, `in the first nine months of ${year}`),
    bi(`في الربع الأخير من عام ${year}`, `in the last quarter of ${year}`),
  ]);
}

/** A figure on one of the topics (any, if none is on them). */
export function statistic(fill: Filler, topics: readonly string[], year: number): Statistic {
  const fitting = STATISTICS.filter((kind) => kind.topics.some((topic) => topics.includes(topic)));
  return fill.pick(fitting.length > 0 ? fitting : STATISTICS).draw(fill, year);
}

/** The note on a generated figure: says so, rather than pass for a check. */
export function statisticNote(figure: Bilingual): Bilingual {
  return bi(
    `مقال اصطناعي للاختبار: الرقم (${figure.ar}) من توليد البرنامج، ولم يُقارَن بأي مصدر.`,
    `Synthetic test article: the figure (${figure.en}) was generated and not checked against any source.`,
  );
}

/** A fact of the two countries' history, as the article states it after «وكان» or «وكانت», with its true note. */
export interface HistoryFact {
  readonly lead: string;
  readonly text: string;
  readonly note: Bilingual;
  readonly source: { readonly publisher: string; readonly date: string };
}

export const HISTORY: readonly HistoryFact[] = [
  {
    lead: 'وكانت',
    text: 'الصين وروسيا قد وقّعتا معاهدة حسن الجوار والصداقة والتعاون في يوليو 2001',
    note: bi(
      'وُقّعت المعاهدة في موسكو يوم 16 يوليو 2001، ومُدّد العمل بها عام 2021.',
      'The treaty was signed in Moscow on 16 July 2001 and extended in 2021.',
    ),
    source: { publisher: "China's Ministry of Foreign Affairs", date: '2001-07-16' },
  },
  {
    lead: 'وكان',
    text: 'البلدان قد أعلنا شراكة استراتيجية بلا حدود في فبراير 2022',
    note: bi(
      'أُعلنت الشراكة في بيان مشترك وُقّع في بكين يوم 4 فبراير 2022.',
      'The partnership was declared in a joint statement signed in Beijing on 4 February 2022.',
    ),
    source: { publisher: 'Russia and China', date: '2022-02-04' },
  },
  {
    lead: 'وكانت',
    text: 'روسيا قد بدأت ضخ الغاز إلى الصين عبر خط أنابيب قوة سيبيريا في ديسمبر 2019',
    note: bi('بدأت الإمدادات عبر الخط يوم 2 ديسمبر 2019.', 'Deliveries through the pipeline began on 2 December 2019.'),
    source: { publisher: 'Gazprom', date: '2019-12-02' },
  },
  {
    lead: 'وكان',
    text: 'البلدان قد رفعا علاقاتهما إلى شراكة شاملة للتنسيق الاستراتيجي في عصر جديد في يونيو 2019',
    note: bi(
      'أُعلن ذلك خلال زيارة شي جين بينج إلى موسكو يوم 5 يونيو 2019.',
      "Announced during Xi Jinping's visit to Moscow on 5 June 2019.",
    ),
    source: { publisher: 'Russia and China', date: '2019-06-05' },
  },
  {
    lead: 'وكانت',
    text: 'منظمة شنغهاي للتعاون قد تأسست في يونيو 2001 بمشاركة البلدين',
    note: bi('تأسست المنظمة في شنغهاي يوم 15 يونيو 2001.', 'The organisation was founded in Shanghai on 15 June 2001.'),
    source: { publisher: 'Shanghai Cooperation Organisation', date: '2001-06-15' },
  },
  {
    lead: 'وكانت',
    text: 'مجموعة بريك قد عقدت قمتها الأولى في يكاترينبورغ الروسية في يونيو 2009',
    note: bi(
      'عُقدت القمة الأولى يوم 16 يونيو 2009، قبل انضمام جنوب أفريقيا.',
      'The first summit was held on 16 June 2009, before South Africa joined.',
    ),
    source: { publisher: 'BRICS', date: '2009-06-16' },
  },
  {
    lead: 'وكان',
    text: 'بوتين قد زار بكين في مايو 2024 في أول رحلة خارجية له بعد تنصيبه لولاية جديدة',
    note: bi('جرت الزيارة يومي 16 و17 مايو 2024.', 'The state visit took place on 16–17 May 2024.'),
    source: { publisher: 'Kremlin', date: '2024-05-16' },
  },
  {
    lead: 'وكان',
    text: 'شي جين بينج قد زار موسكو في مارس 2023 في أول رحلة خارجية له بعد انتخابه لولاية ثالثة',
    note: bi('جرت الزيارة بين 20 و22 مارس 2023.', 'The state visit took place on 20–22 March 2023.'),
    source: { publisher: "China's Ministry of Foreign Affairs", date: '2023-03-20' },
  },
  {
    lead: 'وكان',
    text: 'البلدان قد أنهيا ترسيم حدودهما المشتركة باتفاق وُقّع في يوليو 2008',
    note: bi(
      'وقّع وزيرا خارجية البلدين في بكين يوم 21 يوليو 2008 الاتفاق الذي أنهى ترسيم الحدود.',
      'The two foreign ministers signed the agreement completing the border demarcation in Beijing on 21 July 2008.',
    ),
    source: { publisher: 'Russia and China', date: '2008-07-21' },
  },
];

/** What China is accused of, after «وتتهم … بكين». */
export const ACCUSATIONS: readonly string[] = [
  'بتزويد روسيا بمكونات إلكترونية تدخل في صناعة الأسلحة',
  'بمساعدة موسكو على الالتفاف على العقوبات الغربية',
  'بتقديم دعم غير مباشر للجهود الحربية الروسية',
  'بتسهيل وصول روسيا إلى تقنيات مزدوجة الاستخدام',
  'بشراء النفط الروسي بأسعار تقل عن السقف الذي حددته مجموعة السبع',
  'بتوريد قطع غيار للطائرات المسيّرة الروسية',
];

export const ACCUSED: readonly string[] = ['بكين', 'الصين', 'شركات صينية'];

/** What China says it is, after «مؤكدة أنها» or «مؤكدة أن بكين»: feminine, as China is. */
export const DENIALS: readonly string[] = [
  'ليست طرفاً في النزاع',
  'تلتزم موقفاً موضوعياً ومحايداً',
  'تفرض رقابة صارمة على صادرات السلع مزدوجة الاستخدام',
  'لا تقدم أسلحة فتاكة لأي من الطرفين',
  'تدعو إلى تسوية سياسية للأزمة',
];

/** What a spokesperson announces, after «أن» (templates: see narration.ts). */
export const ANNOUNCEMENTS: readonly string[] = [
  'كبار الدبلوماسيين من البلدين توصلوا خلال اجتماع في {meetingCity} إلى توافق بشأن {topicNoun}',
  'الجانبين اتفقا على تكثيف المشاورات حول {topicNoun}',
  'الزعيمين سيلتقيان في {meetingCity} خلال {month} المقبل',
  'وفداً حكومياً سيزور {meetingCity} الشهر المقبل لبحث {topicNoun}',
  'موسكو وبكين تعارضان فرض أي قيود أحادية على التجارة الدولية',
  'المحادثات جرت في أجواء ودية وتناولت {topicNoun}',
];

/** A note on a stance the article attributes: shown as theirs, not as fact. */
export function attributedNote(kind: 'accusation' | 'denial' | 'statement', who: Bilingual): Bilingual {
  const ar = { accusation: 'اتهام', denial: 'نفي', statement: 'رواية' }[kind];
  const en = { accusation: 'An accusation', denial: 'A denial', statement: 'An account' }[kind];
  return bi(
    `${ar} ينسبه المقال إلى ${who.ar}؛ يُعرض موقفاً منسوباً إلى صاحبه لا حقيقةً ثابتة (مقال اصطناعي للاختبار).`,
    `${en} the article attributes to ${who.en}; shown as their stated position, not as established fact (synthetic test article).`,
  );
}

/** The note on the last meeting the article places: generated, so it says so. */
export function eventNote(where: Bilingual): Bilingual {
  return bi(
    `مقال اصطناعي للاختبار: مكان اللقاء وتاريخه (${where.ar}) من توليد البرنامج.`,
    `Synthetic test article: the meeting's place and date (${where.en}) were generated.`,
  );
}
