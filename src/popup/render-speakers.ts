/** A switch for each quoted speaker's highlights, after a swatch of how they are painted, and one for the claims; and the switches set as the preferences say. */
import { CLAIM_GREY, QUOTE_TINT, tint } from '../shared/highlights';
import type { Preferences } from '../shared/preferences';
import type { Words } from './dom';
import { make } from '../shared/extension-page';
import type { Summary } from './summary';

/** What the switches ask for: a speaker's quotes, or the claims, shown or not. */
export interface SwitchActions {
  speaker(id: string, shown: boolean): void;
  claims(shown: boolean): void;
}

/** The switches of a row: `role="switch"` checkboxes, named by their row's label. */
function switchFor(id: string): HTMLInputElement {
  const toggle = make('input');
  toggle.type = 'checkbox';
  toggle.setAttribute('role', 'switch');
  toggle.id = id;
  return toggle;
}

/** A painted sample, beside the switch's name: the tint and the underline of the page. */
function swatch(background: string, underline: string): HTMLSpanElement {
  const sample = make('span', 'swatch');
  sample.style.setProperty('background', background);
  sample.style.setProperty('border-bottom', underline);
  sample.setAttribute('aria-hidden', 'true');
  return sample;
}

export function speakerRows(summary: Summary, { lang, message }: Words, actions: SwitchActions): HTMLLIElement[] {
  const rows = summary.speakers.map(({ speaker, quotes }) => {
    const row = make('li', 'speaker');
    const who = make('label', 'who');
    const toggle = switchFor(`speaker-${speaker.id}`);
    toggle.dataset.speaker = speaker.id;
    who.htmlFor = toggle.id;
    who.append(
      make('span', 'name', speaker.name[lang]),
      make('span', 'role', speaker.role[lang]),
      make('span', 'count', message('popupQuoteCount', [String(quotes)])),
    );
    toggle.addEventListener('change', () => actions.speaker(speaker.id, toggle.checked));
    row.append(swatch(tint(speaker.color, QUOTE_TINT), `3px ${speaker.cue} ${speaker.color}`), who, toggle);
    return row;
  });
  const claims = make('li', 'speaker');
  const claimLabel = make('label', 'who');
  claimLabel.append(make('span', 'name', message('popupClaimsSwitch')));
  claimLabel.htmlFor = 'claims-switch';
  const claimToggle = switchFor('claims-switch');
  claimToggle.addEventListener('change', () => actions.claims(claimToggle.checked));
  // As strong a tint as the speakers' swatches beside it, so that the grey reads as a colour of its own.
  claims.append(swatch(tint(CLAIM_GREY, QUOTE_TINT), `3px dotted ${CLAIM_GREY}`), claimLabel, claimToggle);
  return [...rows, claims];
}

/** Sets the master switch, and each speaker's and the claims' (off while the master switch is), as the preferences say. */
export function showPreferences(root: ParentNode, preferences: Preferences): void {
  const master = root.querySelector<HTMLInputElement>('#all-highlights');
  if (master !== null) master.checked = preferences.highlights;
  for (const toggle of root.querySelectorAll<HTMLInputElement>('input[data-speaker]')) {
    toggle.checked = !preferences.hiddenSpeakers.includes(toggle.dataset.speaker ?? '');
    toggle.disabled = !preferences.highlights;
  }
  const claims = root.querySelector<HTMLInputElement>('#claims-switch');
  if (claims !== null) {
    claims.checked = preferences.claims;
    claims.disabled = !preferences.highlights;
  }
}
