/** An article's date (YYYY-MM-DD, the day of the event) as Isnad's own pages write it: in full, in the UI language. */
import type { UiLanguage } from './ui-language';

/** A formatter for many dates at once: building one costs more than using it. */
export function eventDateFormat(lang: UiLanguage): (date: string) => string {
  // The date is a calendar day, not an instant: read and written in UTC, so that no time zone moves it.
  const format = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  return (date) => format.format(new Date(`${date}T00:00:00Z`));
}
