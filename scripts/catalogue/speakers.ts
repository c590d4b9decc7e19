/**
 * The speakers synthetic articles draw from. Highlights are named by
 * speaker id, so an id keeps one colour and cue in every article: the ids
 * the bundled article uses keep its colours and cues, and the others have
 * colours of their own, each with 3:1 contrast on white, on a dark page
 * and on the dark tooltip (a test checks both).
 */
import type { Speaker } from '../../src/article/schema';
import type { Gender } from './grammar';

export interface PoolSpeaker {
  readonly speaker: Speaker;
  /** Grammatical gender of the name the text uses: a ministry or a company is feminine in Arabic. */
  readonly gender: Gender;
  /** First mention, e.g. «الرئيس الروسي فلاديمير بوتين»; later mentions use `later`. Each contains one of the speaker's names. */
  readonly first: string;
  readonly later: readonly string[];
}

/** One of the two people whose meeting an article reports. */
export interface Principal extends PoolSpeaker {
  /** «الروسي» or «الصيني»: for «نظيره الصيني …». */
  readonly nationality: string;
  /** The personal name alone, e.g. «شي جين بينج». */
  readonly person: string;
  /** Short names for titles. */
  readonly short: { readonly ar: string; readonly en: string };
  /** The two of a pair together, as a lead names them: «الزعيمان», «الوزيران». */
  readonly together: string;
}

function speaker(id: string, name: [string, string], role: [string, string], color: string, cue: Speaker['cue'], names: string[]): Speaker {
  return { id, name: { ar: name[0], en: name[1] }, role: { ar: role[0], en: role[1] }, color, cue, names };
}

// The bundled article's speakers: same ids, so the same colours and cues.
export const PUTIN: Principal = {
  speaker: speaker('putin', ['فلاديمير بوتين', 'Vladimir Putin'], ['رئيس روسيا', 'President of Russia'], '#0072B2', 'double', [
    'فلاديمير بوتين',
    'بوتين',
    'الرئيس الروسي',
    'الزعيم الروسي',
  ]),
  gender: 'm',
  first: 'الرئيس الروسي فلاديمير بوتين',
  later: ['بوتين', 'الرئيس الروسي'],
  nationality: 'الروسي',
  person: 'فلاديمير بوتين',
  short: { ar: 'بوتين', en: 'Putin' },
  together: 'الزعيمان',
};

export const XI: Principal = {
  speaker: speaker('xi', ['شي جين بينج', 'Xi Jinping'], ['رئيس الصين', 'President of China'], '#D55E00', 'solid', [
    'شي جين بينج',
    'شي جين بينغ',
    'شي',
    'الرئيس الصيني',
    'الزعيم الصيني',
  ]),
  gender: 'm',
  first: 'الرئيس الصيني شي جين بينج',
  later: ['شي', 'الرئيس الصيني'],
  nationality: 'الصيني',
  person: 'شي جين بينج',
  short: { ar: 'شي', en: 'Xi' },
  together: 'الزعيمان',
};

export const CHINA_MFA: PoolSpeaker = {
  speaker: speaker(
    'china-mfa',
    ['وزارة الخارجية الصينية', "China's Ministry of Foreign Affairs"],
    ['وزارة حكومية صينية', 'Chinese government ministry'],
    '#009E73',
    'dotted',
    ['وزارة الخارجية الصينية', 'الخارجية الصينية', 'المتحدث باسم الخارجية الصينية'],
  ),
  gender: 'f',
  first: 'وزارة الخارجية الصينية',
  later: ['الخارجية الصينية'],
};

export const UKRAINE_EUROPE: PoolSpeaker = {
  speaker: speaker(
    'ukraine-europe',
    ['أوكرانيا ودول أوروبية', 'Ukraine and European countries'],
    ['الطرف المتّهِم', 'Accusing parties'],
    '#A87E00',
    'wavy',
    ['أوكرانيا ودول أوروبية', 'أوكرانيا والدول الأوروبية'],
  ),
  gender: 'f',
  first: 'أوكرانيا ودول أوروبية',
  later: ['أوكرانيا ودول أوروبية'],
};

export const CHINA: PoolSpeaker = {
  speaker: speaker('china', ['الصين', 'China'], ['الطرف النافي', 'Denying party'], '#8C72D9', 'dashed', ['الصين', 'بكين']),
  gender: 'f',
  first: 'الصين',
  later: ['الصين', 'بكين'],
};

export const OUTLET: PoolSpeaker = {
  speaker: speaker(
    'outlet',
    ['الوسيلة الناشرة', 'The publishing outlet'],
    ['رواية المقال بصوته', "The article's own narration"],
    '#93735E',
    'dotted',
    ['الوسيلة الناشرة'],
  ),
  gender: 'f',
  first: 'الوسيلة الناشرة',
  later: ['الوسيلة الناشرة'],
};

// Speakers of synthetic articles only.
export const LAVROV: Principal = {
  speaker: speaker('lavrov', ['سيرغي لافروف', 'Sergei Lavrov'], ['وزير خارجية روسيا', 'Foreign Minister of Russia'], '#2E86C1', 'dashed', [
    'سيرغي لافروف',
    'لافروف',
    'وزير الخارجية الروسي',
  ]),
  gender: 'm',
  first: 'وزير الخارجية الروسي سيرغي لافروف',
  later: ['لافروف', 'وزير الخارجية الروسي'],
  nationality: 'الروسي',
  person: 'سيرغي لافروف',
  short: { ar: 'لافروف', en: 'Lavrov' },
  together: 'الوزيران',
};

export const WANG_YI: Principal = {
  speaker: speaker('wang-yi', ['وانغ يي', 'Wang Yi'], ['وزير خارجية الصين', 'Foreign Minister of China'], '#B85C5C', 'dotted', [
    'وانغ يي',
    'وزير الخارجية الصيني',
  ]),
  gender: 'm',
  first: 'وزير الخارجية الصيني وانغ يي',
  later: ['وانغ يي', 'وزير الخارجية الصيني'],
  nationality: 'الصيني',
  person: 'وانغ يي',
  short: { ar: 'وانغ يي', en: 'Wang Yi' },
  together: 'الوزيران',
};

export const MISHUSTIN: Principal = {
  speaker: speaker(
    'mishustin',
    ['ميخائيل ميشوستين', 'Mikhail Mishustin'],
    ['رئيس وزراء روسيا', 'Prime Minister of Russia'],
    '#4D8FAC',
    'wavy',
    ['ميخائيل ميشوستين', 'ميشوستين', 'رئيس الوزراء الروسي'],
  ),
  gender: 'm',
  first: 'رئيس الوزراء الروسي ميخائيل ميشوستين',
  later: ['ميشوستين', 'رئيس الوزراء الروسي'],
  nationality: 'الروسي',
  person: 'ميخائيل ميشوستين',
  short: { ar: 'ميشوستين', en: 'Mishustin' },
  together: 'رئيسا الحكومتين',
};

export const LI_QIANG: Principal = {
  speaker: speaker('li-qiang', ['لي تشيانغ', 'Li Qiang'], ['رئيس مجلس الدولة الصيني', 'Premier of China'], '#E0457B', 'double', [
    'لي تشيانغ',
    'رئيس مجلس الدولة الصيني',
    'رئيس الوزراء الصيني',
  ]),
  gender: 'm',
  first: 'رئيس مجلس الدولة الصيني لي تشيانغ',
  later: ['لي تشيانغ', 'رئيس الوزراء الصيني'],
  nationality: 'الصيني',
  person: 'لي تشيانغ',
  short: { ar: 'لي تشيانغ', en: 'Li Qiang' },
  together: 'رئيسا الحكومتين',
};

export const PESKOV: PoolSpeaker = {
  speaker: speaker('peskov', ['دميتري بيسكوف', 'Dmitry Peskov'], ['المتحدث باسم الكرملين', 'Kremlin spokesman'], '#3D8C40', 'solid', [
    'دميتري بيسكوف',
    'بيسكوف',
    'المتحدث باسم الكرملين',
  ]),
  gender: 'm',
  first: 'المتحدث باسم الكرملين دميتري بيسكوف',
  later: ['بيسكوف', 'المتحدث باسم الكرملين'],
};

export const USHAKOV: PoolSpeaker = {
  speaker: speaker(
    'ushakov',
    ['يوري أوشاكوف', 'Yuri Ushakov'],
    ['مساعد الرئيس الروسي للشؤون الخارجية', 'Russian presidential aide for foreign policy'],
    '#7D8C00',
    'double',
    ['يوري أوشاكوف', 'أوشاكوف', 'مساعد الرئيس الروسي'],
  ),
  gender: 'm',
  first: 'مساعد الرئيس الروسي يوري أوشاكوف',
  later: ['أوشاكوف'],
};

export const ZAKHAROVA: PoolSpeaker = {
  speaker: speaker(
    'zakharova',
    ['ماريا زاخاروفا', 'Maria Zakharova'],
    ['المتحدثة باسم وزارة الخارجية الروسية', 'Russian foreign ministry spokeswoman'],
    '#B0569E',
    'wavy',
    ['ماريا زاخاروفا', 'زاخاروفا', 'المتحدثة باسم الخارجية الروسية'],
  ),
  gender: 'f',
  first: 'المتحدثة باسم الخارجية الروسية ماريا زاخاروفا',
  later: ['زاخاروفا'],
};

export const NOVAK: PoolSpeaker = {
  speaker: speaker(
    'novak',
    ['ألكسندر نوفاك', 'Alexander Novak'],
    ['نائب رئيس الوزراء الروسي', 'Deputy Prime Minister of Russia'],
    '#8E6C8A',
    'dashed',
    ['ألكسندر نوفاك', 'نوفاك', 'نائب رئيس الوزراء الروسي'],
  ),
  gender: 'm',
  first: 'نائب رئيس الوزراء الروسي ألكسندر نوفاك',
  later: ['نوفاك'],
};

export const GAZPROM: PoolSpeaker = {
  speaker: speaker('gazprom', ['غازبروم', 'Gazprom'], ['شركة الغاز الروسية', 'Russian gas company'], '#00897B', 'double', [
    'غازبروم',
    'شركة غازبروم',
  ]),
  gender: 'f',
  first: 'شركة غازبروم',
  later: ['غازبروم'],
};

export const CHINA_CUSTOMS: PoolSpeaker = {
  speaker: speaker(
    'china-customs',
    ['الإدارة العامة للجمارك الصينية', "China's General Administration of Customs"],
    ['هيئة حكومية صينية', 'Chinese government agency'],
    '#6A7FDB',
    'solid',
    ['الإدارة العامة للجمارك الصينية', 'الجمارك الصينية'],
  ),
  gender: 'f',
  first: 'الإدارة العامة للجمارك الصينية',
  later: ['الجمارك الصينية'],
};

export const ZELENSKY: PoolSpeaker = {
  speaker: speaker(
    'zelensky',
    ['فولوديمير زيلينسكي', 'Volodymyr Zelensky'],
    ['رئيس أوكرانيا', 'President of Ukraine'],
    '#AA6FC4',
    'solid',
    ['فولوديمير زيلينسكي', 'زيلينسكي', 'الرئيس الأوكراني'],
  ),
  gender: 'm',
  first: 'الرئيس الأوكراني فولوديمير زيلينسكي',
  later: ['زيلينسكي'],
};

export const KALLAS: PoolSpeaker = {
  speaker: speaker(
    'kallas',
    ['كايا كالاس', 'Kaja Kallas'],
    ['الممثلة العليا للسياسة الخارجية في الاتحاد الأوروبي', 'EU High Representative for Foreign Affairs'],
    '#2F9E8F',
    'double',
    ['كايا كالاس', 'كالاس', 'مسؤولة السياسة الخارجية في الاتحاد الأوروبي'],
  ),
  gender: 'f',
  first: 'مسؤولة السياسة الخارجية في الاتحاد الأوروبي كايا كالاس',
  later: ['كالاس'],
};

export const US_STATE_DEPT: PoolSpeaker = {
  speaker: speaker(
    'us-state-dept',
    ['وزارة الخارجية الأمريكية', 'US State Department'],
    ['وزارة حكومية أمريكية', 'US government department'],
    '#D2691E',
    'dotted',
    ['وزارة الخارجية الأمريكية', 'الخارجية الأمريكية'],
  ),
  gender: 'f',
  first: 'وزارة الخارجية الأمريكية',
  later: ['الخارجية الأمريكية'],
};

/** The pairs whose meetings articles report: the first of a pair speaks first in the lead. */
export const PAIRS: readonly (readonly [Principal, Principal])[] = [
  [PUTIN, XI],
  [XI, PUTIN],
  [PUTIN, XI],
  [LAVROV, WANG_YI],
  [WANG_YI, LAVROV],
  [MISHUSTIN, LI_QIANG],
  [LI_QIANG, MISHUSTIN],
];

/** Those who comment on a meeting in a quote or a statement. */
export const SPOKESPEOPLE: readonly PoolSpeaker[] = [PESKOV, USHAKOV, ZAKHAROVA, CHINA_MFA];
/** Those who give the energy figures. */
export const ENERGY_SPEAKERS: readonly PoolSpeaker[] = [NOVAK, GAZPROM];
/** Those who accuse China of helping Russia's war; China or its ministry denies. */
export const ACCUSERS: readonly PoolSpeaker[] = [UKRAINE_EUROPE, US_STATE_DEPT, KALLAS, ZELENSKY];
export const DENIERS: readonly PoolSpeaker[] = [CHINA, CHINA_MFA];

/** Every speaker of the pool, once. */
export const POOL: readonly PoolSpeaker[] = [
  PUTIN,
  XI,
  CHINA_MFA,
  UKRAINE_EUROPE,
  CHINA,
  OUTLET,
  LAVROV,
  WANG_YI,
  MISHUSTIN,
  LI_QIANG,
  PESKOV,
  USHAKOV,
  ZAKHAROVA,
  NOVAK,
  GAZPROM,
  CHINA_CUSTOMS,
  ZELENSKY,
  KALLAS,
  US_STATE_DEPT,
];
