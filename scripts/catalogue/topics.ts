/**
 * What a report is about. Each topic brings the subjects its quotes talk
 * about and the aims its reported speech names, in both languages, and
 * the nouns its narration uses; an article takes one main topic and one
 * other, so that reports on the same topic share their stock phrases.
 */
import type { Bilingual, Gender } from './grammar';

/** A subject of a quoted statement: its gender rules the Arabic verb. */
export interface Subject extends Bilingual {
  readonly gender: Gender;
}

export interface Topic {
  readonly id: string;
  /** For titles: «يبحثان …» / "discuss …". */
  readonly title: Bilingual;
  readonly subjects: readonly Subject[];
  /** What reported speech calls to strengthen, develop, protect. */
  readonly objects: readonly Bilingual[];
  /** Noun phrases narration mentions, Arabic only. */
  readonly nouns: readonly string[];
}

const subject = (ar: string, en: string, gender: Gender): Subject => ({ ar, en, gender });
const bi = (ar: string, en: string): Bilingual => ({ ar, en });

/** Subjects of any topic; `{$sector}`, `{$region}` and `{$forum}` are drawn for each statement. */
export const GENERAL_SUBJECTS: readonly Subject[] = [
  subject('العلاقات بين موسكو وبكين', 'relations between Moscow and Beijing', 'f'),
  subject('العلاقات الروسية الصينية', 'Russian–Chinese relations', 'f'),
  subject('الشراكة بين البلدين', 'the partnership between the two countries', 'f'),
  subject('الشراكة الاستراتيجية الشاملة', 'the comprehensive strategic partnership', 'f'),
  subject('التنسيق بين بلدينا', 'coordination between our countries', 'm'),
  subject('الحوار السياسي بين البلدين', 'the political dialogue between the two countries', 'm'),
  subject('الاتصالات المنتظمة بين القيادتين', 'regular contacts between the two leaderships', 'f'),
  subject('التعاون في مجال {$sector}', 'cooperation in {$sector}', 'm'),
  subject('المشاريع المشتركة في {$region}', 'joint projects in {$region}', 'f'),
  subject('الثقة المتبادلة بين الشعبين', 'mutual trust between the two peoples', 'f'),
  subject('العمل المشترك في {$forum}', 'joint work at {$forum}', 'm'),
  subject('الصداقة بين روسيا والصين', 'friendship between Russia and China', 'f'),
];

export const GENERAL_OBJECTS: readonly Bilingual[] = [
  bi('التعاون في مجال {$sector}', 'cooperation in {$sector}'),
  bi('التنسيق في المحافل الدولية', 'coordination in international forums'),
  bi('المشاريع المشتركة في {$region}', 'joint projects in {$region}'),
  bi('الحوار بين القيادتين', 'the dialogue between the two leaderships'),
  bi('العلاقات الثنائية في مختلف المجالات', 'bilateral relations in all fields'),
  bi('التبادل الإنساني والثقافي', 'people-to-people and cultural exchange'),
];

export const TOPICS: readonly Topic[] = [
  {
    id: 'energy',
    title: bi('التعاون في مجال الطاقة', 'energy cooperation'),
    subjects: [
      subject('الشراكة في قطاع الطاقة', 'the partnership in the energy sector', 'f'),
      subject('إمدادات الغاز الروسي إلى الصين', 'Russian gas supplies to China', 'f'),
      subject('مشروع قوة سيبيريا 2', 'the Power of Siberia 2 project', 'm'),
      subject('التعاون النفطي بين البلدين', 'oil cooperation between the two countries', 'm'),
      subject('الاستثمار في حقول {$region}', 'investment in the fields of {$region}', 'm'),
    ],
    objects: [
      bi('إمدادات الطاقة إلى الأسواق الآسيوية', 'energy supplies to Asian markets'),
      bi('مشروع خط أنابيب قوة سيبيريا 2', 'the Power of Siberia 2 pipeline'),
      bi('التعاون في مجال الغاز الطبيعي المسال', 'cooperation on liquefied natural gas'),
      bi('الاستثمارات المشتركة في حقول النفط', 'joint investment in oil fields'),
    ],
    nouns: [
      'إمدادات النفط والغاز',
      'مشروع قوة سيبيريا 2',
      'صادرات الغاز الطبيعي المسال',
      'أسعار الطاقة في الأسواق الآسيوية',
      'محطات الطاقة النووية',
    ],
  },
  {
    id: 'trade',
    title: bi('التبادل التجاري', 'trade'),
    subjects: [
      subject('التبادل التجاري بين البلدين', 'trade between the two countries', 'm'),
      subject('التسويات بالعملات الوطنية', 'settlements in national currencies', 'f'),
      subject('الصادرات الزراعية الروسية إلى الصين', 'Russian farm exports to China', 'f'),
      subject('الاستثمارات الصينية في روسيا', 'Chinese investment in Russia', 'f'),
      subject('المعارض التجارية المشتركة', 'joint trade fairs', 'f'),
    ],
    objects: [
      bi('التبادل التجاري بين البلدين', 'trade between the two countries'),
      bi('التسويات بالروبل واليوان', 'settlements in roubles and yuan'),
      bi('الصادرات الزراعية', 'farm exports'),
      bi('حماية الاستثمارات المتبادلة', 'the protection of mutual investment'),
    ],
    nouns: ['حجم التبادل التجاري', 'التسويات بالعملات الوطنية', 'الصادرات الزراعية', 'الاستثمارات المتبادلة', 'المدفوعات بين المصارف'],
  },
  {
    id: 'transport',
    title: bi('الممرات التجارية', 'trade corridors'),
    subjects: [
      subject('طريق البحر الشمالي', 'the Northern Sea Route', 'm'),
      subject('خطوط السكك الحديدية العابرة للحدود', 'cross-border railway lines', 'f'),
      subject('الموانئ في الشرق الأقصى', 'the ports of the Far East', 'f'),
      subject('الجسور الحدودية على نهر آمور', 'the border bridges over the Amur', 'f'),
      subject('الممرات اللوجستية الجديدة', 'the new logistics corridors', 'f'),
    ],
    objects: [
      bi('الممرات اللوجستية بين البلدين', 'the logistics corridors between the two countries'),
      bi('الملاحة عبر طريق البحر الشمالي', 'shipping on the Northern Sea Route'),
      bi('النقل بالسكك الحديدية', 'rail freight'),
      bi('المعابر الحدودية', 'border crossings'),
    ],
    nouns: ['طريق البحر الشمالي', 'السكك الحديدية العابرة للحدود', 'الموانئ في الشرق الأقصى', 'المعابر الحدودية', 'شحنات الحاويات'],
  },
  {
    id: 'security',
    title: bi('القضايا الأمنية', 'security issues'),
    subjects: [
      subject('التنسيق في مجلس الأمن الدولي', 'coordination in the UN Security Council', 'm'),
      subject('الحوار حول الأمن في آسيا', 'the dialogue on security in Asia', 'm'),
      subject('الجهود المشتركة لمكافحة الإرهاب', 'joint counter-terrorism efforts', 'f'),
      subject('المناورات العسكرية المشتركة', 'joint military exercises', 'f'),
      subject('الموقف المشترك من الأزمة الأوكرانية', 'the common position on the Ukraine crisis', 'm'),
    ],
    objects: [
      bi('الأمن والاستقرار في آسيا والمحيط الهادئ', 'security and stability in Asia and the Pacific'),
      bi('التنسيق في مجلس الأمن الدولي', 'coordination in the UN Security Council'),
      bi('الحل السياسي للأزمة الأوكرانية', 'a political settlement of the Ukraine crisis'),
      bi('مكافحة الإرهاب والتطرف', 'the fight against terrorism and extremism'),
    ],
    nouns: ['الأزمة الأوكرانية', 'الوضع في شبه الجزيرة الكورية', 'الأوضاع في الشرق الأوسط', 'الأمن في آسيا الوسطى', 'الحد من التسلح'],
  },
  {
    id: 'multilateral',
    title: bi('التنسيق الدولي', 'international coordination'),
    subjects: [
      subject('العمل داخل مجموعة بريكس', 'work within BRICS', 'm'),
      subject('التنسيق في منظمة شنغهاي للتعاون', 'coordination in the Shanghai Cooperation Organisation', 'm'),
      subject('إصلاح النظام المالي الدولي', 'reform of the international financial system', 'm'),
      subject('الدفاع عن عالم متعدد الأقطاب', 'the defence of a multipolar world', 'm'),
      subject('التعاون في إطار الأمم المتحدة', 'cooperation within the United Nations', 'm'),
    ],
    objects: [
      bi('دور مجموعة بريكس', 'the role of BRICS'),
      bi('التعاون داخل منظمة شنغهاي للتعاون', 'cooperation within the Shanghai Cooperation Organisation'),
      bi('إصلاح مؤسسات الحوكمة العالمية', 'the reform of global governance institutions'),
      bi('نظام دولي أكثر عدلاً', 'a fairer international order'),
    ],
    nouns: [
      'توسيع مجموعة بريكس',
      'إصلاح النظام المالي الدولي',
      'التحضيرات لقمة منظمة شنغهاي للتعاون',
      'التنسيق داخل مجموعة العشرين',
      'إصلاح مجلس الأمن',
    ],
  },
  {
    id: 'technology',
    title: bi('التعاون التكنولوجي', 'technology cooperation'),
    subjects: [
      subject('التعاون في مجال الفضاء', 'cooperation in space', 'm'),
      subject('مشاريع الذكاء الاصطناعي المشتركة', 'joint artificial intelligence projects', 'f'),
      subject('صناعة السيارات الصينية في روسيا', 'Chinese car-making in Russia', 'f'),
      subject('البحث العلمي المشترك', 'joint scientific research', 'm'),
      subject('التعاون في صناعة الطيران المدني', 'cooperation in civil aviation', 'm'),
    ],
    objects: [
      bi('التعاون في استكشاف القمر', 'cooperation in lunar exploration'),
      bi('البحث العلمي المشترك', 'joint scientific research'),
      bi('نقل التكنولوجيا', 'technology transfer'),
      bi('إنتاج الطائرات المدنية', 'the production of civil aircraft'),
    ],
    nouns: ['صناعة أشباه الموصلات', 'الذكاء الاصطناعي', 'صناعة السيارات', 'استكشاف الفضاء', 'الأمن السيبراني'],
  },
];
