// The list of this workspace's conversations: switch, rename, delete, start a new one.
import type { ConversationSummaryView, ToHost } from '../../src/webview/protocol/chat';
import * as l10n from '../shared/l10n';
import { h, iconButton, textButton } from './dom';

function when(updatedAt: number): string {
  const date = new Date(updatedAt);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString();
}

export class HistoryPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;

  constructor(private readonly post: (message: ToHost) => void) {
    this.list = h('ul', { class: 'pg-history-list', 'aria-label': l10n.t('Chats in this workspace') });
    this.element = h(
      'section',
      { class: 'pg-history', id: 'pg-history', 'aria-label': l10n.t('Chat history') },
      h(
        'div',
        { class: 'pg-history-head' },
        h('h2', {}, l10n.t('Chats')),
        textButton(l10n.t('New Chat'), () => this.post({ type: 'newChat' }), false, 'add'),
      ),
      this.list,
    );
    this.element.hidden = true;
  }

  /** What the list shows now: an update with the same list and current chat changes nothing. */
  private shown = '';

  update(conversations: readonly ConversationSummaryView[], currentId: string): void {
    const key = JSON.stringify([conversations, currentId]);
    if (key === this.shown) return;
    this.shown = key;
    if (conversations.length === 0) {
      this.list.replaceChildren(h('li', { class: 'pg-muted' }, l10n.t('No chats yet. Your conversations are kept per workspace.')));
      return;
    }
    this.list.replaceChildren(
      ...conversations.map((c) => {
        const open = h(
          'button',
          { type: 'button', class: 'pg-history-open', 'aria-current': c.id === currentId ? 'true' : undefined, title: l10n.t('Open “{0}”', c.title) },
          h('span', { class: 'pg-history-title' }, c.title),
          h(
            'span',
            { class: 'pg-history-detail' },
            c.turns === 1 ? l10n.t('{0} · 1 message', when(c.updatedAt)) : l10n.t('{0} · {1} messages', when(c.updatedAt), c.turns),
          ),
        );
        open.addEventListener('click', () => this.post({ type: 'switchConversation', id: c.id }));
        return h(
          'li',
          { class: 'pg-history-item' },
          open,
          iconButton('edit', l10n.t('Rename “{0}”', c.title), () => this.post({ type: 'renameConversation', id: c.id })),
          iconButton('trash', l10n.t('Delete “{0}”', c.title), () => this.post({ type: 'deleteConversation', id: c.id })),
        );
      }),
    );
  }
}
