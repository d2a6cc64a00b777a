// Tiny DOM helpers for the chat webview. Text always goes in through textContent; no HTML strings
// here (the one HTML string, a rendered answer, goes through DOMPurify in answer.ts).
import * as l10n from '../shared/l10n';

type Attrs = Readonly<Record<string, string | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

export function icon(name: string, extra = ''): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}${extra ? ` ${extra}` : ''}`, 'aria-hidden': 'true' });
}

/** A button with a codicon; `label` is its accessible name and tooltip, `text` its visible text (if any). */
export function iconButton(name: string, label: string, onClick: () => void, options: { text?: string; className?: string } = {}): HTMLButtonElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: `pg-button${options.text ? '' : ' pg-icon-button'}${options.className ? ` ${options.className}` : ''}`,
      title: label,
      'aria-label': label,
    },
    icon(name),
    options.text ? h('span', {}, options.text) : null,
  );
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  return button;
}

/** A text button (primary or secondary style). */
export function textButton(text: string, onClick: () => void, secondary = true, iconName?: string): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: `pg-button pg-text-button${secondary ? ' pg-secondary' : ''}` },
    iconName ? icon(iconName) : null,
    h('span', {}, text),
  );
  button.addEventListener('click', (event) => {
    event.preventDefault();
    onClick();
  });
  return button;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return l10n.t('{0} B', bytes);
  if (bytes < 1024 * 1024) return l10n.t('{0} KB', Math.round(bytes / 1024));
  return l10n.t('{0} MB', (bytes / 1024 / 1024).toFixed(1));
}

export function formatSeconds(ms: number): string {
  return l10n.t('{0} s', ms < 10_000 ? (ms / 1000).toFixed(1) : Math.round(ms / 1000));
}
