/**
 * The narration around the quotes and claims, in Arabic only: leads,
 * analysis, figures, background and closings, as templates (see
 * `grammar.ts`). `{m|f}` agrees with the speaker a sentence is about; the
 * rules' own alternatives keep their agreement within themselves. Each
 * paragraph is put together from several independent choices, so that
 * two reports share phrases but seldom a paragraph.
 */
import type { Filler } from '../../testkit/filler';
import type { Rules } from './grammar';
import { AGENCIES, CITIES, FORUMS, MEETING_CITIES, MONTHS, REGIONS, SECTORS } from './places';
import { statement } from './statements';
import type { Topic } from './topics';

export interface NarrationContext {
  readonly main: Topic;
  readonly second: Topic;
  /** The year of the article's date. */
  readonly year: number;
}

/** Facts with figures that narration states; the figures are drawn anew each time. */
const FIGURE_FACTS: readonly string[] = [
  'حجم التجارة بين البلدين ارتفع بنسبة {pct} في المئة منذ مطلع {pastYear}',
  'عدد الشركات الصينية العاملة في {region} تضاعف خلال {smallNum} سنوات',
  'البلدين يعملان على {midNum} مشروعاً مشتركاً في قطاع {sector}',
  'التبادل السياحي بين البلدين زاد بنسبة {pct} في المئة خلال العام الماضي',
  'نحو {pct} في المئة من المدفوعات بين البلدين تتم بالروبل واليوان',
  'اللجنة الحكومية المشتركة أقرت {smallNum} اتفاقيات جديدة في {meetingCity}',
  'واردات الصين من {goods} من روسيا ارتفعت بنسبة {pct} في المئة خلال {month} وحده',
  'الاستثمارات المتبادلة في قطاع {sector} تجاوزت {midNum} مليار دولار',
  'حركة الشحن عبر المعابر الحدودية زادت بنسبة {pct} في المئة منذ {pastYear}',
  'نحو {smallNum} آلاف طالب صيني يدرسون حالياً في الجامعات الروسية',
  'حصة السوق الصينية من صادرات {region} بلغت {pct} في المئة',
  'البلدين وقّعا {midNum} اتفاقية تعاون منذ {pastYear}',
];

/**
 * What may open a quote's paragraph before its speech verb; each at most
 * once an article, as a report would not open two paragraphs alike (and the
 * engine could align one paragraph's opening with the other's).
 */
export const LEAD_INS: readonly string[] = [
  'من {جهته|جهتها}، ',
  '{بدوره|بدورها}، ',
  'وفي كلمة {ألقاها|ألقتها} خلال {occasion}، ',
  'وفي تصريحات للصحفيين في {meetingCity}، ',
  'وفي مؤتمر صحفي عقب {$meetingNoun}، ',
  'وفي مقابلة مع وكالة {agency}، ',
  'وفي ختام {$meetingNoun}، ',
];

const arabic = (items: readonly { readonly ar: string }[]) => (fill: Filler) => fill.pick(items).ar;
const between = (from: number, to: number) => (fill: Filler) => String(fill.int(from, to));

/** The rules for one article: its topics and year are in the figures and nouns. */
export function narrationRules({ main, second, year }: NarrationContext): Rules {
  return {
    city: arabic(CITIES),
    meetingCity: arabic(MEETING_CITIES),
    forum: arabic(FORUMS),
    sector: arabic(SECTORS),
    region: arabic(REGIONS),
    month: arabic(MONTHS),
    agency: AGENCIES,
    pct: between(3, 60),
    smallNum: between(3, 9),
    midNum: between(12, 90),
    bigNum: between(210, 320),
    pastYear: (fill) => String(year - fill.int(1, 8)),
    futureYear: (fill) => String(year + fill.int(2, 10)),
    topicNoun: (fill) => fill.pick(fill.int(0, 2) === 0 ? second.nouns : main.nouns),
    // A statement as narration states it: the quotes' material, outside quotation marks.
    fact: (fill) => (fill.int(0, 1) === 0 ? statement(fill, main, year).ar : fill.pick(FIGURE_FACTS)),
    figureFact: FIGURE_FACTS,

    lead: [
      'أجرى {$aFirst} {$event} مع نظيره {$bNationality} {$bPerson}، {day}، {leadPurpose}.',
      'بحث {$aFirst} مع نظيره {$bNationality} {$bPerson} {$eventIn}، {day}، {topicNoun} و{topicNoun}، {leadTail}.',
      'أكد {$aFirst} ونظيره {$bNationality} {$bPerson} {$eventIn}، {day}، {leadResolve}، {leadTail}.',
      'تناول {$aFirst} ونظيره {$bNationality} {$bPerson} {$eventIn}، {day}، {topicNoun} وسبل تطوير التعاون في قطاع {sector}، {leadTail}.',
    ],
    day: ['يوم {$weekday}', '{$weekday}', 'مساء {$weekday}', 'صباح {$weekday}', 'يوم {$weekday} الماضي'],
    leadPurpose: [
      'أشاد {خلاله|خلالها} {$dual} ب{praised}',
      '{تناول|تناولت} {topicNoun} و{topicNoun}',
      '{ركز|ركزت} على {topicNoun} وسبل تطوير التعاون في قطاع {sector}',
      'بحث {خلاله|خلالها} الجانبان {topicNoun} والتطورات الدولية الراهنة',
      'جرى {خلاله|خلالها} استعراض {topicNoun} وملفات إقليمية ودولية',
      'أكد {خلاله|خلالها} {$dual} عزمهما على توسيع التعاون في قطاع {sector}',
    ],
    leadResolve: [
      'عزمهما على تعزيز التعاون في قطاع {sector}',
      'أهمية مواصلة التنسيق بشأن {topicNoun}',
      'متانة العلاقات بين البلدين رغم {obstacle}',
      'حرصهما على تنفيذ الاتفاقات الموقعة في {meetingCity}',
    ],
    leadTail: [
      'في ظل {obstacle}',
      'وسط ترقب غربي لنتائج التقارب بين البلدين',
      'بحسب ما أعلنته وكالة {agency}',
      'قبل أسابيع من {forum}',
      'في أول اتصال بينهما منذ {month}',
      'وفق بيان صدر عقب {$meetingNoun}',
    ],
    praised: [
      'العلاقات الوثيقة بين البلدين',
      'مستوى التنسيق بين موسكو وبكين',
      'نتائج التعاون خلال العام الماضي',
      'الشراكة الاستراتيجية بين البلدين',
    ],

    occasion: [
      '{forum}',
      'منتدى اقتصادي في {city}',
      'اجتماع حكومي في {meetingCity}',
      'حفل استقبال في {meetingCity}',
      'مؤتمر دولي في {city}',
    ],

    factTail: ['{مشيراً|مشيرة} إلى أن {fact}', '{لافتاً|لافتة} إلى أن {fact}', '{موضحاً|موضحة} أن {fact}'],
    aboutTail: ['في إشارة إلى {topicNoun}', 'في معرض {حديثه|حديثها} عن {topicNoun}'],
    topicTail: ['{aboutTail}', 'وذلك خلال {occasion}', 'في مقابلة مع وكالة {agency}'],
    hopeTail: ['{معرباً|معربة} عن {أمله|أملها} في {hope}'],
    hope: [
      'أن تشهد المرحلة المقبلة خطوات عملية إضافية',
      'تحقيق نتائج ملموسة قبل نهاية العام',
      'انعقاد الجولة المقبلة من المحادثات في {meetingCity}',
      'توقيع اتفاقات جديدة خلال {forum}',
      'أن يتجاوز حجم التجارة {bigNum} مليار دولار قريباً',
    ],
    statLeadIn: ['وعلى الصعيد الاقتصادي، ', 'وفي لغة الأرقام، ', 'ومن جانب آخر، ', 'وخلال {$meetingNoun}، ', 'وفي ما يتعلق ب{topicNoun}، '],
    statTail: [
      '{مؤكداً|مؤكدة} أن هذه الأرقام تعكس {trend}',
      '{لافتاً|لافتة} إلى أن {fact}',
      'مقارنة بالفترة نفسها من العام السابق',
      'رغم {obstacle}',
      'في مؤشر على {trend}',
      'وهو رقم {وصفه|وصفته} بأنه {figureVerdict}',
      '{متوقعاً|متوقعة} أن يرتفع هذا الرقم {nextWhenYear}',
    ],
    figureVerdict: ['قياسي', 'غير مسبوق', 'دليل على متانة العلاقات', 'أعلى من التوقعات'],
    nextWhenYear: ['خلال العام الجاري', 'بحلول عام {futureYear}', 'مع اكتمال {topicNoun}', 'في السنوات المقبلة'],

    analysis: ['{observers} أن {fact}، {contrast} {fact}.'],
    observers: [
      'ويرى محللون في {city}',
      'وترى أوساط دبلوماسية في {city}',
      'ويعتقد مراقبون غربيون',
      'ويقول خبراء اقتصاديون في {meetingCity}',
      'ويرى باحثون في مراكز دراسات روسية',
      'ويرى دبلوماسيون غربيون في {city}',
      'ويعتبر أكاديميون في {meetingCity}',
    ],
    contrast: [
      'في حين يشير آخرون إلى أن',
      'لكن منتقدين يرون أن',
      'غير أن تقارير غربية تشير إلى أن',
      'بينما يؤكد مسؤولون في {meetingCity} أن',
      'إلا أن بيانات رسمية تظهر أن',
    ],

    timing: ['{$comesNow} {after} {priorEvent}، {priorTail}.'],
    after: ['بعد أيام من', 'بعد أسبوعين من', 'بعد نحو شهر من', 'عقب', 'بعد {smallNum} أيام من'],
    priorEvent: [
      'جولة مباحثات أجراها وزيرا خارجية البلدين في {meetingCity}',
      'زيارة قام بها وفد حكومي رفيع إلى {meetingCity}',
      'جلسة للجنة الحكومية المشتركة في {meetingCity}',
      'مناورات بحرية مشتركة في {sea}',
      'موجة جديدة من العقوبات الغربية على {sanctioned}',
      'قمة مصغرة استضافتها {city}',
      'مشاورات أجراها نائبا وزيري الخارجية في {city}',
    ],
    sea: ['بحر اليابان', 'بحر الصين الشرقي', 'بحر البلطيق', 'المحيط الهادئ', 'بحر أوخوتسك'],
    sanctioned: ['المصارف الروسية', 'قطاع الطاقة الروسي', 'شركات الشحن', 'صادرات المعادن الروسية'],
    priorTail: [
      'وتركزت النقاشات خلالها على {topicNoun}',
      'وجرى خلالها بحث {topicNoun} و{topicNoun}',
      'في ظل ترقب دولي لمآلات {topicNoun}',
      'بحسب ما أفادت به وكالة {agency}',
      'وسط حديث عن {rumour}',
    ],
    rumour: ['اتفاق وشيك بشأن {topicNoun}', 'خلافات حول أسعار الغاز', 'زيارة مرتقبة إلى {meetingCity}', 'قيود جديدة على {sanctioned}'],

    data: ['{dataOpen} {figureFact}، {dataTail}.'],
    dataOpen: [
      'وتشير بيانات {dataSource} إلى أن',
      'وبحسب أرقام {dataSource}، فإن',
      'وتُظهر إحصاءات {dataSource} أن',
      'وتفيد تقديرات {dataSource} بأن',
    ],
    dataSource: [
      'وزارة التنمية الاقتصادية الروسية',
      'المصرف المركزي الروسي',
      'المكتب الوطني للإحصاء في الصين',
      'مراكز أبحاث مستقلة',
      'غرفة التجارة الروسية الصينية',
      'وزارة التجارة الصينية',
      'مصرف التنمية الآسيوي',
      'معهد دراسات في {city}',
    ],
    dataTail: [
      'وهو ما يعكس {trend}',
      'رغم {obstacle}',
      'في مؤشر على {trend}',
      'مقارنة بالفترة نفسها من العام السابق',
      'وفق تقرير صدر في {month}',
    ],
    trend: [
      'تنامي اعتماد الاقتصاد الروسي على السوق الصينية',
      'تحول التجارة الروسية نحو آسيا',
      'اتساع حضور الشركات الصينية في {region}',
      'تراجع دور الدولار في المبادلات الثنائية',
      'تزايد الطلب الصيني على {topicNoun}',
    ],
    obstacle: [
      'القيود التي تفرضها المصارف الصينية على التحويلات',
      'العقوبات الغربية على القطاع المالي الروسي',
      'تباطؤ نمو الاقتصاد الصيني',
      'تقلب أسعار الطاقة في الأسواق العالمية',
      'ارتفاع تكاليف الشحن',
      'التوتر المتصاعد مع {west}',
    ],
    west: ['واشنطن', 'الاتحاد الأوروبي', 'العواصم الغربية', 'حلف شمال الأطلسي'],

    aims: ['{capital} {goal} {goalWhen}، {aimTail}.'],
    capital: ['وتسعى موسكو إلى', 'وتسعى بكين إلى', 'وتطمح موسكو إلى', 'وتعمل بكين على', 'وتراهن موسكو على', 'وتتطلع بكين إلى'],
    goal: [
      'تنويع أسواق صادراتها من الطاقة',
      'جذب مزيد من الاستثمارات إلى {region}',
      'تقليص الاعتماد على الدولار في تجارتها الخارجية',
      'تأمين إمدادات مستقرة من المواد الخام',
      'توسيع حضور شركاتها في {region}',
      'تطوير البنية التحتية في {region}',
      'زيادة صادراتها من {goods}',
      'تعزيز موقعها في قطاع {sector}',
    ],
    goalWhen: ['خلال السنوات المقبلة', 'بحلول عام {futureYear}', 'في أقرب وقت', 'ضمن خطة تمتد حتى عام {futureYear}', 'قبل نهاية العقد'],
    aimTail: [
      'في ظل {obstacle}',
      'وهو ما يجعل {topicNoun} في صدارة أولوياتها',
      'بحسب ما يقوله مسؤولون في {meetingCity}',
      'في وقت تتزايد فيه المنافسة على الأسواق الآسيوية',
      'وفق خطة أُعلنت في {month} {pastYear}',
    ],

    agreement: ['{agreeOn} {agreeVerb} {agreed}، {agreedTail}.'],
    agreeOn: ['وعلى صعيد {topicNoun}،', 'وفي ما يخص {topicNoun}،', 'وفي ملف {topicNoun}،', 'وبشأن {topicNoun}،'],
    agreeVerb: ['اتفق الجانبان على', 'توافق الطرفان على', 'قرر الجانبان', 'أقر الطرفان'],
    agreed: [
      'تشكيل فريق عمل مشترك لمتابعة تنفيذ الاتفاقات',
      'عقد اجتماع للجنة الحكومية المشتركة في {meetingCity}',
      'زيادة عدد الرحلات الجوية المباشرة بين البلدين إلى {midNum} رحلة',
      'تسريع إجراءات التخليص الجمركي على المعابر الحدودية',
      'إطلاق برنامج لتبادل الخبرات في قطاع {sector}',
      'دراسة إنشاء صندوق استثماري مشترك بقيمة {midNum} مليار دولار',
      'افتتاح مركز تجاري مشترك في {meetingCity}',
      'تبسيط إجراءات منح التأشيرات لرجال الأعمال',
      'توسيع التعاون بين المصارف في {region}',
    ],
    agreedTail: [
      'على أن تُعرض النتائج خلال {forum}',
      'من دون الكشف عن جدول زمني محدد',
      'بحسب البيان الختامي',
      'وفق ما أعلنه مسؤولون في {meetingCity}',
      'على أن يبدأ التنفيذ في {month} المقبل',
      'بحسب ما نقلته وكالة {agency}',
    ],

    past: ['وكانت {pastActor} قد {pastAction} في {month} {pastYear}، {pastTail}.'],
    pastActor: ['موسكو', 'بكين', 'الحكومة الروسية', 'السلطات الصينية'],
    pastAction: [
      'استضافت جولة من المشاورات حول {topicNoun}',
      'أعلنت خطة لتطوير {region}',
      'وقّعت اتفاقاً إطارياً بشأن {topicNoun}',
      'رفعت القيود عن واردات {goods}',
      'خفّضت الرسوم الجمركية على {goods}',
      'أطلقت صندوقاً لدعم الاستثمار في {region}',
    ],
    goods: [
      'القمح والشعير',
      'لحوم الأبقار',
      'فول الصويا',
      'السيارات الكهربائية',
      'الآلات الزراعية',
      'الأخشاب',
      'الأسمدة',
      'المأكولات البحرية',
    ],
    pastTail: [
      'في خطوة وصفها مراقبون بأنها {assessment}',
      'قبل أن تتعثر المفاوضات بسبب {obstacle}',
      'وهو ما انعكس على {topicNoun}',
      'بعد مفاوضات استمرت {smallNum} أشهر',
    ],
    assessment: [
      'نقطة تحول في العلاقات بين البلدين',
      'بداية مرحلة جديدة من التقارب',
      'رسالة موجهة إلى العواصم الغربية',
      'أساس للتعاون الحالي في قطاع {sector}',
      'خطوة رمزية أكثر منها عملية',
    ],
    historyTail: [
      'في خطوة وصفها مراقبون في {city} بأنها {assessment}',
      'وهو ما مهّد لتوسيع التعاون في قطاع {sector}',
      'ومنذ ذلك الحين، تعزز التنسيق بين البلدين في {topicNoun}',
      'قبل أن تتسع الشراكة لتشمل {topicNoun}',
      'وهي محطة يستحضرها المسؤولون في {meetingCity} كلما جرى الحديث عن {topicNoun}',
    ],
    lastMeetingTail: [
      'حيث وقّع الجانبان حزمة من الاتفاقات في قطاع {sector}',
      'وهو اللقاء الذي خُصص لبحث {topicNoun}',
      'وسط اهتمام إعلامي واسع',
      'وتناول حينها {topicNoun}',
      'بعد أشهر من {priorEvent}',
    ],

    closing: [
      '{nextMeeting} {nextWhen}، {closingTail}.',
      '{noDate}، {noDateTail}.',
      'واتفق الجانبان في ختام {$meetingNoun} على {wrapUp}، {closingTail}.',
      'ومن المقرر أن يزور {$aLater} {meetingCity} في {month} المقبل، {visitTail}.',
    ],
    noDate: [
      'ولم تعلن أي من العاصمتين موعداً لزيارة رسمية جديدة',
      'ولم يُكشف عن موعد الجولة المقبلة من المحادثات',
      'ولم يحدد الجانبان موعداً للقاء المقبل',
    ],
    noDateTail: [
      'غير أن مصادر دبلوماسية رجحت أن يكون ذلك قبل {forum}',
      'لكن وسائل إعلام رسمية توقعت أن يكون ذلك في {month}',
      'في حين تحدثت تقارير عن ترتيبات تجري في {meetingCity}',
    ],
    wrapUp: [
      'مواصلة الاتصالات على مختلف المستويات',
      'عقد جولة جديدة في {meetingCity}',
      'تكليف الحكومتين بإعداد خطة عمل حتى عام {futureYear}',
      'تبادل الزيارات على المستوى الوزاري',
    ],
    nextMeeting: [
      'ومن المقرر أن يلتقي الجانبان مجدداً خلال {forum}',
      'ويتوقع دبلوماسيون أن تُستأنف المشاورات في {meetingCity}',
      'ويُنتظر أن يعقد وزيرا الخارجية جولة جديدة في {meetingCity}',
      'ومن المنتظر أن تجتمع اللجنة الحكومية المشتركة في {meetingCity}',
    ],
    nextWhen: ['في {month} المقبل', 'قبل نهاية {month}', 'خلال الأسابيع المقبلة', 'في النصف الثاني من العام'],
    closingTail: [
      'لاستكمال بحث {topicNoun}',
      'بحسب ما ذكرته وكالة {agency}',
      'وسط توقعات بتوقيع اتفاقات جديدة في قطاع {sector}',
      'على أن يُطرح خلالها ملف {topicNoun}',
    ],
    visitTail: ['تلبية لدعوة من {$bLater}', 'في أول زيارة له منذ {pastYear}', 'لحضور {forum}', 'بحسب ما أعلنته مصادر رسمية'],

    heading: [
      'ملف {topicNoun}',
      'تعاون اقتصادي متنامٍ',
      'قضايا الأمن الدولي',
      'نحو قمة جديدة',
      'خلافات قائمة',
      'لغة الأرقام',
      'مواقف متقاربة',
      'ضغوط غربية',
      'آفاق التعاون في {sector}',
      'رسائل إلى الغرب',
      'حسابات موسكو وبكين',
      'ما بعد {$meetingNoun}',
      'الطريق إلى {meetingCity}',
    ],
  };
}

/** The kinds of narration paragraph, as rule names. */
export const NARRATIVE_KINDS: readonly string[] = ['analysis', 'timing', 'data', 'aims', 'agreement', 'past'];
