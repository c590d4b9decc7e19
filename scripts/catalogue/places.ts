/** Places, meetings and calendar words: the slots that make two reports on the same subject differ. */
import type { Bilingual } from './grammar';

const bi = (ar: string, en: string): Bilingual => ({ ar, en });

/** Cities where Russian and Chinese officials meet. */
export const MEETING_CITIES: readonly Bilingual[] = [
  bi('موسكو', 'Moscow'),
  bi('بكين', 'Beijing'),
  bi('شنغهاي', 'Shanghai'),
  bi('سانت بطرسبرغ', 'St Petersburg'),
  bi('فلاديفوستوك', 'Vladivostok'),
  bi('قازان', 'Kazan'),
  bi('هاربين', 'Harbin'),
  bi('تيانجين', 'Tianjin'),
  bi('سوتشي', 'Sochi'),
  bi('شيان', "Xi'an"),
  bi('قوانغتشو', 'Guangzhou'),
  bi('خاباروفسك', 'Khabarovsk'),
  bi('يكاترينبورغ', 'Yekaterinburg'),
  bi('هانغتشو', 'Hangzhou'),
];

/** Any city a report may name. */
export const CITIES: readonly Bilingual[] = [
  ...MEETING_CITIES,
  bi('أستانا', 'Astana'),
  bi('طشقند', 'Tashkent'),
  bi('بيشكيك', 'Bishkek'),
  bi('دوشانبي', 'Dushanbe'),
  bi('نيودلهي', 'New Delhi'),
  bi('جوهانسبرغ', 'Johannesburg'),
  bi('ريو دي جانيرو', 'Rio de Janeiro'),
  bi('جنيف', 'Geneva'),
  bi('إسطنبول', 'Istanbul'),
  bi('أبوظبي', 'Abu Dhabi'),
  bi('الرياض', 'Riyadh'),
  bi('القاهرة', 'Cairo'),
  bi('هانوي', 'Hanoi'),
  bi('أولان باتور', 'Ulaanbaatar'),
  bi('نوفوسيبيرسك', 'Novosibirsk'),
  bi('إيركوتسك', 'Irkutsk'),
  bi('بروكسل', 'Brussels'),
  bi('كييف', 'Kyiv'),
];

export const FORUMS: readonly Bilingual[] = [
  bi('قمة منظمة شنغهاي للتعاون', 'the Shanghai Cooperation Organisation summit'),
  bi('قمة مجموعة بريكس', 'the BRICS summit'),
  bi('منتدى الشرق الاقتصادي', 'the Eastern Economic Forum'),
  bi('منتدى الحزام والطريق', 'the Belt and Road Forum'),
  bi('قمة مجموعة العشرين', 'the G20 summit'),
  bi('منتدى سانت بطرسبرغ الاقتصادي الدولي', 'the St Petersburg International Economic Forum'),
  bi('الجمعية العامة للأمم المتحدة', 'the UN General Assembly'),
  bi('قمة منتدى التعاون الاقتصادي لآسيا والمحيط الهادئ', 'the APEC summit'),
  bi('معرض الصين وروسيا', 'the China–Russia Expo'),
];

export const SECTORS: readonly Bilingual[] = [
  bi('الطاقة', 'energy'),
  bi('الزراعة', 'agriculture'),
  bi('النقل', 'transport'),
  bi('الصناعة', 'industry'),
  bi('التكنولوجيا', 'technology'),
  bi('الفضاء', 'space'),
  bi('المصارف', 'banking'),
  bi('السياحة', 'tourism'),
  bi('التعليم', 'education'),
  bi('الطاقة النووية السلمية', 'civil nuclear energy'),
  bi('صناعة الطيران', 'aviation'),
  bi('التجارة الإلكترونية', 'e-commerce'),
  bi('الصناعات الدوائية', 'pharmaceuticals'),
];

export const REGIONS: readonly Bilingual[] = [
  bi('الشرق الأقصى الروسي', 'the Russian Far East'),
  bi('سيبيريا', 'Siberia'),
  bi('المقاطعات الصينية الشمالية الشرقية', "China's north-eastern provinces"),
  bi('آسيا الوسطى', 'Central Asia'),
  bi('منطقة القطب الشمالي', 'the Arctic'),
  bi('حوض نهر آمور', 'the Amur basin'),
  bi('منطقة الفولغا', 'the Volga region'),
  bi('إقليم شينجيانغ', 'Xinjiang'),
];

export const MONTHS: readonly Bilingual[] = [
  bi('يناير', 'January'),
  bi('فبراير', 'February'),
  bi('مارس', 'March'),
  bi('أبريل', 'April'),
  bi('مايو', 'May'),
  bi('يونيو', 'June'),
  bi('يوليو', 'July'),
  bi('أغسطس', 'August'),
  bi('سبتمبر', 'September'),
  bi('أكتوبر', 'October'),
  bi('نوفمبر', 'November'),
  bi('ديسمبر', 'December'),
];

/** Sunday first, as Date.getUTCDay() counts. */
export const WEEKDAYS: readonly string[] = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];

/** News agencies an interview or a report may be credited to. */
export const AGENCIES: readonly string[] = ['تاس', 'شينخوا', 'ريا نوفوستي', 'إنترفاكس', 'الصين الجديدة', 'سبوتنيك'];
