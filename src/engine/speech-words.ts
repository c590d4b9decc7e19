/**
 * The words Arabic news uses to say who said what: the one table the
 * reading of reported speech (`reported-speech.ts`) is built on. Written as
 * printed; the reading folds them as it folds the text (`arabic.ts`), so
 * hamza forms, harakat and tatweel in a page do not matter here.
 *
 * Where the lists come from: the verbs and participles are those of the
 * bundled reports and of the wire copy they are written from (Reuters, AFP,
 * RT and Xinhua Arabic services: قال، أكد، أوضح، أضاف، اعتبر، أشار، شدد …),
 * with the inflections Modern Standard Arabic gives them (past tense by
 * person and number, the present, the circumstantial participle in -اً /
 * -ةً); the sourcing phrases and the prefixes are those of any Arabic
 * grammar (the conjunctions و ف, the prepositions ب ل ك, the article ال).
 */

/** Past-tense stems of the verbs of saying, third person masculine singular. */
const SPEECH_VERB_STEMS = [
  'قال',
  'أكد',
  'أوضح',
  'أضاف',
  'اعتبر',
  'أشار',
  'شدد',
  'رأى',
  'أعلن',
  'صرح',
  'ذكر',
  'لفت',
  'وصف',
  'تابع',
  'نفى',
  'كشف',
  'حذر',
  'دعا',
  'أفاد',
  'أعرب',
  'زعم',
  'ادعى',
  'طالب',
  'اعترف',
  'أشاد',
  'نوه',
  'أردف',
  'استطرد',
  'علق',
  'أبلغ',
  'تعهد',
  'وعد',
  'اتهم',
  'جدد',
] as const;

/** Endings of the past tense: he, she, they two (m., f.), they (m.). */
const PAST_ENDINGS = ['', 'ت', 'ا', 'تا', 'وا'] as const;

/** Present-tense forms met in reports (he says, she says, they say). */
const PRESENT_FORMS = ['يقول', 'تقول', 'يقولون', 'يؤكد', 'تؤكد', 'يرى', 'ترى', 'يعتبر', 'تعتبر', 'يضيف', 'تضيف'] as const;

/** Every verb of saying, as printed (before clitics). */
export const SPEECH_VERBS: readonly string[] = [
  ...SPEECH_VERB_STEMS.flatMap((stem) => {
    // A stem ending in a long vowel (رأى، نفى، دعا) drops it before its endings: رأت، نفوا، دعت، دعوا; its dual keeps a glide: نفيا، دعوا.
    if (!stem.endsWith('ى') && !stem.endsWith('ا')) return PAST_ENDINGS.map((ending) => stem + ending);
    const base = stem.slice(0, -1);
    return [stem, `${base}ت`, `${base}تا`, `${base}وا`, `${base}${stem.endsWith('ى') ? 'يا' : 'وا'}`];
  }),
  ...PRESENT_FORMS,
];

/**
 * Circumstantial participles that carry a quotation on in the same sentence
 * («…»، مشيداً بـ«…»): the speaker is the one the sentence has. Masculine and
 * feminine.
 */
const PARTICIPLE_STEMS = [
  'مشيد',
  'مؤكد',
  'مضيف',
  'لافت',
  'مشدد',
  'معتبر',
  'مشير',
  'موضح',
  'منوه',
  'محذر',
  'واصف',
  'قائل',
  'متابع',
  'معرب',
  'مستدرك',
  'داعي',
  'مطالب',
  'متعهد',
  'مجدد',
] as const;
export const PARTICIPLES: readonly string[] = PARTICIPLE_STEMS.flatMap((stem) => [`${stem}اً`, `${stem}ا`, `${stem}ةً`, `${stem}ة`]);

/** Relative pronouns: «…»، التي اعتبر أنها «…» carries the quotation on. */
export const RELATIVES: readonly string[] = ['التي', 'الذي', 'اللتين', 'اللذين', 'الذين', 'اللواتي', 'اللاتي'];

/** What introduces the words said after a verb of saying: إن، أن and their forms with a pronoun or ب. */
export const COMPLEMENTIZERS: readonly string[] = [
  'إن',
  'أن',
  'بأن',
  'إنه',
  'أنه',
  'إنها',
  'أنها',
  'بأنه',
  'بأنها',
  'إنهم',
  'أنهم',
  'إنهما',
  'أنهما',
];

/** Phrases that name a source after what it said: «…»، بحسب وزارة الخارجية. */
export const SOURCING: readonly string[] = ['بحسب', 'حسب', 'وفق', 'وفقاً', 'وفقا', 'طبقاً', 'نقلاً', 'نقلا', 'لسان'];

/** Words that end a speaker's name as printed: what follows is where or when they spoke, not who they are. */
export const NAME_ENDS: readonly string[] = [
  'في',
  'خلال',
  'أمام',
  'عبر',
  'لدى',
  'أثناء',
  'عقب',
  'بعد',
  'قبل',
  'يوم',
  'على',
  'إلى',
  'من',
  'عن',
  'مع',
  'ل', // لـ, its tatweel folded away
  'له',
  'لها',
  'لهم',
  'اليوم',
  'أمس',
  'مساء',
  'صباح',
];

/** "His / her counterpart": نظيره الصيني is the speaker titled «… الصيني». */
export const COUNTERPARTS: readonly string[] = ['نظيره', 'نظيرها', 'نظيرته', 'ونظيره', 'ونظيرها'];

/** Prefixes a name may carry: the conjunctions, the prepositions, the article, and what they combine into (للرئيس = ل + الرئيس). */
export const NAME_PREFIXES: readonly string[] = [
  'و',
  'ف',
  'ب',
  'ل',
  'ك',
  'ال',
  'وب',
  'ول',
  'وك',
  'فب',
  'فل',
  'فك',
  'وال',
  'فال',
  'بال',
  'كال',
  'وبال',
  'وكال',
  'فبال',
];

/** Conjunctions a verb of saying may carry: وقال، فقال. */
export const VERB_PREFIXES: readonly string[] = ['و', 'ف'];

/**
 * Letters that transliterations of one foreign name write either way: a
 * name is matched with the first of each pair in place of the second
 * (شي جين بينغ and شي جين بينج, كيم جونغ أون and كيم جونج أون).
 */
export const NAME_SPELLINGS: readonly (readonly [string, string])[] = [['ج', 'غ']];
