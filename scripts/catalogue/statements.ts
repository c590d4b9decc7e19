/**
 * What speakers are quoted as saying, in Arabic with its English: a
 * subject, a predicate that agrees with it, and often a complement, so
 * that quotes share stock phrases without repeating each other. English
 * predicates take modals or the past, which do not change with number.
 */
import type { Filler } from '../../testkit/filler';
import { fillBoth, type Bilingual } from './grammar';
import { CITIES, FORUMS, REGIONS, SECTORS } from './places';
import { GENERAL_OBJECTS, GENERAL_SUBJECTS, type Topic } from './topics';

interface Predicate {
  readonly m: string;
  readonly f: string;
  readonly en: string;
}

const predicate = (m: string, f: string, en: string): Predicate => ({ m, f, en });
const bi = (ar: string, en: string): Bilingual => ({ ar, en });

const PREDICATES: readonly Predicate[] = [
  predicate('سيظل عامل استقرار', 'ستظل عامل استقرار', 'will remain a stabilising factor'),
  predicate('سيواصل التطور', 'ستواصل التطور', 'will keep developing'),
  predicate('يجب أن يرتقي إلى مستوى جديد', 'يجب أن ترتقي إلى مستوى جديد', 'must rise to a new level'),
  predicate('صمد أمام الاضطرابات الدولية', 'صمدت أمام الاضطرابات الدولية', 'withstood international turbulence'),
  predicate('حقق نتائج ملموسة', 'حققت نتائج ملموسة', 'achieved tangible results'),
  predicate('لن يستهدف أي طرف ثالث', 'لن تستهدف أي طرف ثالث', 'will not target any third party'),
  predicate(
    'يمكن أن يشكّل نموذجاً للعلاقات الدولية',
    'يمكن أن تشكّل نموذجاً للعلاقات الدولية',
    'can serve as a model for international relations',
  ),
  predicate('بلغ مستوى غير مسبوق', 'بلغت مستوى غير مسبوق', 'reached an unprecedented level'),
  predicate('سيبقى أولوية لبلدينا', 'ستبقى أولوية لبلدينا', 'will remain a priority for our countries'),
  predicate('سيحتاج إلى خطة عمل جديدة', 'ستحتاج إلى خطة عمل جديدة', 'will need a new plan of action'),
  predicate('تجاوز كل التوقعات', 'تجاوزت كل التوقعات', 'exceeded all expectations'),
  predicate('لن يتأثر بالضغوط الخارجية', 'لن تتأثر بالضغوط الخارجية', 'will not be affected by outside pressure'),
  predicate('شهد تطوراً ملحوظاً', 'شهدت تطوراً ملحوظاً', 'saw remarkable development'),
  predicate('سيصل إلى آفاق أرحب', 'ستصل إلى آفاق أرحب', 'will reach broader horizons'),
  predicate('يمكن أن يتوسع أكثر', 'يمكن أن تتوسع أكثر', 'can expand further'),
  predicate('لم يتأثر بالعقوبات', 'لم تتأثر بالعقوبات', 'remained unaffected by the sanctions'),
  predicate('يجب أن يبقى بعيداً عن التسييس', 'يجب أن تبقى بعيدة عن التسييس', 'must stay free of politics'),
];

const COMPLEMENTS: readonly Bilingual[] = [
  bi('في ظل الاضطرابات العالمية الراهنة', 'amid the current global turbulence'),
  bi('رغم الضغوط والعقوبات الغربية', 'despite Western pressure and sanctions'),
  bi('بغض النظر عن الظروف الدولية', 'regardless of international circumstances'),
  bi('بما يخدم مصالح الشعبين', 'in the interest of both peoples'),
  bi('خلال السنوات المقبلة', 'in the coming years'),
  bi('في عالم متعدد الأقطاب', 'in a multipolar world'),
  bi('منذ عام {$year}', 'since {$year}'),
  bi('على أساس المنفعة المتبادلة', 'on the basis of mutual benefit'),
  bi('في مختلف المجالات', 'in every field'),
  bi('حتى عام {$later}', 'until {$later}'),
  bi('بفضل الإرادة السياسية للقيادتين', 'thanks to the political will of both leaderships'),
  bi('وفق ما اتفقنا عليه في {$city}', 'as we agreed in {$city}'),
  bi('في قطاع {$sector} تحديداً', 'in {$sector} in particular'),
  bi('على امتداد {$region}', 'across {$region}'),
];

const REPORTED_HEADS: readonly Bilingual[] = [
  bi('ضرورة تعزيز', 'the need to strengthen'),
  bi('أهمية توسيع', 'the importance of expanding'),
  bi('الحرص على تطوير', 'the commitment to developing'),
  bi('الاستعداد لتعميق', 'readiness to deepen'),
  bi('رفض أي محاولات لعرقلة', 'the rejection of any attempt to obstruct'),
  bi('دعم الجهود الرامية إلى تطوير', 'support for efforts to develop'),
  bi('ضرورة الإسراع في تنفيذ', 'the need to speed up'),
  bi('التمسك بمواصلة', 'the determination to pursue'),
  bi('أهمية الحفاظ على', 'the importance of preserving'),
  bi('السعي إلى رفع مستوى', 'the aim of raising the level of'),
];

const REPORTED_TAILS: readonly Bilingual[] = [
  bi('في إطار {$forum}', 'within {$forum}'),
  bi('خلال العام الجاري', 'this year'),
  bi('قبل نهاية عام {$later}', 'before the end of {$later}'),
  bi('بما يخدم مصالح البلدين', 'in the interest of both countries'),
  bi('على أساس المساواة والمنفعة المتبادلة', 'on the basis of equality and mutual benefit'),
  bi('في المرحلة المقبلة', 'in the period ahead'),
];

/** A word a speaker gives a meeting or a partnership, quoted alone as in «ووصف المحادثات بـ“المثمرة”». */
export const EPITHETS: readonly Bilingual[] = [
  bi('النموذجية', 'exemplary'),
  bi('التاريخية', 'historic'),
  bi('المثمرة', 'fruitful'),
  bi('البنّاءة', 'constructive'),
  bi('الاستثنائية', 'exceptional'),
  bi('الصريحة', 'frank'),
  bi('الودية', 'friendly'),
  bi('غير المسبوقة', 'unprecedented'),
  bi('الناجحة', 'successful'),
  bi('المهمة للغاية', 'very important'),
];

/** Values for the `{$…}` slots of one statement, drawn once so both languages name the same place and year. */
function drawVars(fill: Filler, year: number): Record<string, Bilingual> {
  const later = String(year + fill.int(2, 10));
  const since = String(year - fill.int(3, 25));
  return {
    sector: fill.pick(SECTORS),
    region: fill.pick(REGIONS),
    forum: fill.pick(FORUMS),
    city: fill.pick(CITIES),
    year: { ar: since, en: since },
    later: { ar: later, en: later },
  };
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** A quoted statement, e.g. «العلاقات بين موسكو وبكين ستظل عامل استقرار في ظل …», from the topic's subjects or the general ones. */
export function statement(fill: Filler, topic: Topic, year: number): Bilingual {
  const vars = drawVars(fill, year);
  const subject = fill.int(0, 2) === 0 ? fill.pick(GENERAL_SUBJECTS) : fill.pick(topic.subjects);
  const verb = fill.pick(PREDICATES);
  const complement = fill.int(0, 4) === 0 ? undefined : fill.pick(COMPLEMENTS);
  const ar = [subject.ar, verb[subject.gender], complement?.ar].filter((part) => part !== undefined).join(' ');
  const en = [capitalized(subject.en), verb.en, complement?.en].filter((part) => part !== undefined).join(' ');
  return fillBoth({ ar, en }, vars);
}

/** Quoted words of reported speech, e.g. «ضرورة تعزيز التعاون في مجال الطاقة خلال العام الجاري». */
export function reported(fill: Filler, topic: Topic, year: number): Bilingual {
  const vars = drawVars(fill, year);
  const head = fill.pick(REPORTED_HEADS);
  const object = fill.int(0, 2) === 0 ? fill.pick(GENERAL_OBJECTS) : fill.pick(topic.objects);
  const tail = fill.int(0, 2) === 0 ? undefined : fill.pick(REPORTED_TAILS);
  const ar = [head.ar, object.ar, tail?.ar].filter((part) => part !== undefined).join(' ');
  const en = [head.en, object.en, tail?.en].filter((part) => part !== undefined).join(' ');
  return fillBoth({ ar, en }, vars);
}
