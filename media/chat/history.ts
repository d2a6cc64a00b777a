// The list of this workspace's conversations: switch, rename, delete, start a new one.
import type { ConversationSummaryView, ToHost } from '../../src/webview/protocol/chat';
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
    this.list = h('ul', { class: 'pg-history-list', 'aria-label': 'Chats in this workspace' });
    this.element = h(
      'section',
      { class: 'pg-history', id: 'pg-history', 'aria-label': 'Chat history' },
      h(
        'div',
        { class: 'pg-history-head' },
        h('h2', {}, 'Chats'),
        textButton('New Chat', () => this.post({ type: 'newChat' }), false, 'add'),
      ),
      this.list,
    );
    this.element.hidden = true;
  }

  update(conversations: readonly ConversationSummaryView[], currentId: string): void {
    if (conversations.length === 0) {
      this.list.replaceChildren(h('li', { class: 'pg-muted' }, 'No chats yet. Your conversations are kept per workspace.'));
      return;
    }
    this.list.replaceChildren(
      ...conversations.map((c) => {
        const open = h(
          'button',
          { type: 'button', class: 'pg-history-open', 'aria-current': c.id === currentId ? 'true' : undefined, title: `Open “${c.title}”` },
          h('span', { class: 'pg-history-title' }, c.title),
          h('span', { class: 'pg-history-detail' }, `${when(c.updatedAt)} · ${c.turns} ${c.turns === 1 ? 'message' : 'messages'}`),
        );
        open.addEventListener('click', () => this.post({ type: 'switchConversation', id: c.id }));
        return h(
          'li',
          { class: 'pg-history-item' },
          open,
          iconButton('edit', `Rename “${c.title}”`, () => this.post({ type: 'renameConversation', id: c.id })),
          iconButton('trash', `Delete “${c.title}”`, () => this.post({ type: 'deleteConversation', id: c.id })),
        );
      }),
    );
  }
}
