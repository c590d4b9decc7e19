/**
 * How reports word speech and meetings: the verbs that attribute quotes and
 * claims, in both genders, and the kinds of meeting a lead reports.
 */
import type { Bilingual, Gender } from './grammar';

export interface Verb {
  readonly m: string;
  readonly f: string;
  /** What follows the speaker: «إن», «أن», «على أن», or nothing. */
  readonly then: string;
}

const verb = (m: string, f: string, then: string): Verb => ({ m, f, then });

export const DIRECT: readonly Verb[] = [
  verb('قال', 'قالت', 'إن'),
  verb('قال', 'قالت', 'إن'),
  verb('أكد', 'أكدت', 'أن'),
  verb('اعتبر', 'اعتبرت', 'أن'),
  verb('أوضح', 'أوضحت', 'أن'),
  verb('شدد', 'شددت', 'على أن'),
  verb('صرّح', 'صرّحت', 'بأن'),
];
/** Only for a speaker already quoted. */
export const ADDED = verb('أضاف', 'أضافت', 'أن');
export const REPORTED: readonly Verb[] = [
  verb('أكد', 'أكدت', ''),
  verb('شدد', 'شددت', 'على'),
  verb('جدد', 'جددت', 'التأكيد على'),
  verb('لفت', 'لفتت', 'إلى'),
  verb('دعا', 'دعت', 'إلى'),
];
/** A second quote continuing the sentence: «…”، مضيفاً أن “…”». */
export const CONTINUING: readonly Verb[] = [verb('مضيفاً', 'مضيفة', 'أن'), verb('مؤكداً', 'مؤكدة', 'أن'), verb('ومشدداً', 'ومشددة', 'على أن')];
export const STATING: readonly Verb[] = [
  verb('أوضح', 'أوضحت', 'أن'),
  verb('أعلن', 'أعلنت', 'أن'),
  verb('ذكر', 'ذكرت', 'أن'),
  verb('أشار', 'أشارت', 'إلى أن'),
  verb('كشف', 'كشفت', 'أن'),
];
export const ANNOUNCING: readonly Verb[] = [verb('وأعلن', 'وأعلنت', 'أن'), verb('وذكر', 'وذكرت', 'أن'), verb('وقال', 'وقالت', 'إن')];
/** What a speaker gives an epithet to: feminine, as the epithets are. */
export const DESCRIBED: readonly string[] = [
  'المحادثات',
  'الشراكة بين البلدين',
  'نتائج الاتصال',
  'المباحثات',
  'العلاقات الثنائية',
  'المرحلة الحالية من التعاون',
];

export interface Meeting {
  readonly lead: string;
  /** Of the lead's noun: «أجرى … محادثات … تناولت» or «اتصالاً … تناول». */
  readonly gender: Gender;
  /** The meeting named again: «في ختام المحادثات», «ويأتي الاتصال بعد …». */
  readonly noun: string;
  readonly comes: string;
  readonly title: Bilingual;
}

export const MEETINGS: readonly Meeting[] = [
  {
    lead: 'محادثات عبر الفيديو',
    gender: 'f',
    noun: 'المحادثات',
    comes: 'وتأتي المحادثات',
    title: { ar: 'في محادثات عبر الفيديو', en: 'in video call' },
  },
  { lead: 'اتصالاً هاتفياً', gender: 'm', noun: 'الاتصال', comes: 'ويأتي الاتصال', title: { ar: 'في اتصال هاتفي', en: 'in phone call' } },
  {
    lead: 'محادثات رسمية في {$city}',
    gender: 'f',
    noun: 'المحادثات',
    comes: 'وتأتي المحادثات',
    title: { ar: 'خلال محادثات في {$city}', en: 'in talks in {$city}' },
  },
  {
    lead: 'لقاءً ثنائياً على هامش {$forum}',
    gender: 'm',
    noun: 'اللقاء',
    comes: 'ويأتي اللقاء',
    title: { ar: 'على هامش {$forum}', en: 'on the sidelines of {$forum}' },
  },
  {
    lead: 'جولة مباحثات موسعة في {$city}',
    gender: 'f',
    noun: 'جولة المباحثات',
    comes: 'وتأتي جولة المباحثات',
    title: { ar: 'خلال مباحثات في {$city}', en: 'in talks in {$city}' },
  },
];
