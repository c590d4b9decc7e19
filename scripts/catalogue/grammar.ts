/**
 * Arabic text from templates, so that sentences on the same subjects come
 * out in many wordings. In a template, `{rule}` is one of the rule's
 * alternatives (itself a template), `{$name}` a value chosen beforehand,
 * and `{masculine|feminine}` the form that agrees with the sentence's
 * subject.
 */
import type { Filler } from '../../testkit/filler';

export type Gender = 'm' | 'f';

/** The same text in Arabic and English. */
export interface Bilingual {
  readonly ar: string;
  readonly en: string;
}

/** A rule's alternatives, or a function drawing one (a figure, a year); either is a template. */
export type Rule = readonly string[] | ((fill: Filler) => string);
export type Rules = Readonly<Record<string, Rule>>;

export interface Scope {
  readonly gender: Gender;
  readonly vars: Readonly<Record<string, string>>;
}

const SLOT = /\{([^{}]+)\}/g;
/** Deeper than any rule nests: a rule that names itself fails instead of looping. */
const MAX_DEPTH = 12;

export function expand(template: string, rules: Rules, scope: Scope, fill: Filler, depth = 0): string {
  if (depth > MAX_DEPTH) throw new Error(`template nests too deep: ${template}`);
  return template.replace(SLOT, (_slot, key: string) => {
    const bar = key.indexOf('|');
    if (bar >= 0) return scope.gender === 'm' ? key.slice(0, bar) : key.slice(bar + 1);
    if (key.startsWith('$')) {
      const value = scope.vars[key.slice(1)];
      if (value === undefined) throw new Error(`no value for {${key}} in: ${template}`);
      return value;
    }
    const rule = rules[key];
    if (rule === undefined) throw new Error(`no rule {${key}} in: ${template}`);
    return expand(typeof rule === 'function' ? rule(fill) : fill.pick(rule), rules, scope, fill, depth + 1);
  });
}

/** A template's `{$name}` slots filled in one language. */
export function fillIn(template: string, vars: Readonly<Record<string, Bilingual>>, language: keyof Bilingual): string {
  return template.replace(SLOT, (_slot, key: string) => {
    const value = key.startsWith('$') ? vars[key.slice(1)] : undefined;
    if (value === undefined) throw new Error(`no value for {${key}} in: ${template}`);
    return value[language];
  });
}

/** Text that carries its translation: `{$name}` slots only, filled in each language from values drawn once. */
export function fillBoth(text: Bilingual, vars: Readonly<Record<string, Bilingual>>): Bilingual {
  return { ar: fillIn(text.ar, vars, 'ar'), en: fillIn(text.en, vars, 'en') };
}
