/** What the popup's modules are given in tests: a switch, an alert region, and a notice that shows message names. */
import { noticeIn, type Notice } from '../../src/popup/notice';

export interface Stage {
  readonly toggle: HTMLInputElement;
  readonly region: HTMLElement;
  readonly notice: Notice;
}

export function stage(): Stage {
  document.body.replaceChildren();
  const toggle = document.createElement('input');
  toggle.type = 'checkbox';
  const region = document.createElement('p');
  region.setAttribute('role', 'alert');
  document.body.append(toggle, region);
  // Message names stand for their text: the tests read which message shows.
  return { toggle, region, notice: noticeIn(region, (name) => name) };
}
