/** What the popup's render functions share: the words they write in, and buttons to annotations. */
import { make } from '../shared/extension-page';
import type { Messages, UiLanguage } from '../shared/ui-language';

/** The UI language, and its messages. */
export interface Words {
  readonly lang: UiLanguage;
  readonly message: Messages;
}

/** Moves the page to an annotation, when the reader chooses it in the popup. */
export type GoTo = (id: string) => void;

/** A button that takes the page to annotation `id`. */
export function goToButton(id: string, className: string, goTo: GoTo, text?: string): HTMLButtonElement {
  const button = make('button', className, text);
  button.type = 'button';
  button.dataset.annotation = id;
  button.addEventListener('click', () => goTo(id));
  return button;
}
