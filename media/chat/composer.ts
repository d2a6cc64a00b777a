// The message box: Enter sends, Shift+Enter adds a line, Up recalls earlier prompts (Down goes back),
// Escape stops a running request. While a request runs the box is disabled and Stop is shown.
import type { AttachmentView, ToHost } from '../../src/webview/protocol/chat';
import * as l10n from '../shared/l10n';
import { attachmentText, attachmentTitle } from './answer';
import { h, icon, iconButton } from './dom';

export class Composer {
  readonly element: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly chips: HTMLElement;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly status: HTMLElement;
  private prompts: string[] = [];
  /** Index into `prompts` while the user walks back with Up; null when editing their own text. */
  private recalled: number | null = null;
  private draftBeforeRecall = '';
  private running = false;
  private attachmentCount = 0;

  constructor(
    private readonly post: (message: ToHost) => void,
    private readonly onDraft: (draft: string) => void,
    draft: string,
  ) {
    this.textarea = h('textarea', {
      class: 'pg-input',
      rows: '3',
      maxlength: '200000',
      'aria-label': l10n.t('Message'),
      placeholder: l10n.t('Ask about your code (Enter to send, Shift+Enter for a new line, ↑ for the last prompt)'),
    });
    this.textarea.value = draft;
    this.textarea.addEventListener('keydown', (event) => this.onKey(event));
    this.textarea.addEventListener('input', () => {
      this.recalled = null;
      this.onDraft(this.textarea.value);
      this.updateButtons();
    });
    this.chips = h('div', { class: 'pg-chips pg-composer-chips', role: 'list', 'aria-label': l10n.t('Attached to the next message') });
    this.sendButton = iconButton('send', l10n.t('Send (Enter)'), () => this.send(), { className: 'pg-primary pg-send' });
    this.stopButton = iconButton('debug-stop', l10n.t('Stop'), () => this.post({ type: 'stop' }), { text: l10n.t('Stop'), className: 'pg-stop' });
    this.stopButton.hidden = true;
    this.status = h('div', { class: 'pg-composer-status' });
    const tools = h(
      'div',
      { class: 'pg-composer-bar' },
      iconButton('code', l10n.t('Add the editor selection'), () => this.post({ type: 'addSelection' })),
      iconButton('file-media', l10n.t('Attach an image (for vision models)'), () => this.post({ type: 'attachImage' })),
      this.status,
      this.stopButton,
      this.sendButton,
    );
    this.element = h('div', { class: 'pg-composer' }, this.chips, this.textarea, tools);
    this.updateButtons();
  }

  focus(): void {
    if (this.running) this.stopButton.focus();
    else this.textarea.focus();
  }

  /** Earlier prompts of the conversation, oldest first, for Up. */
  setPrompts(prompts: string[]): void {
    this.prompts = prompts.filter((p) => p.trim().length > 0);
    this.recalled = null;
  }

  setAttachments(attachments: readonly AttachmentView[]): void {
    this.attachmentCount = attachments.length;
    this.chips.replaceChildren(
      ...attachments.map((attachment) =>
        h(
          'span',
          { class: 'pg-chip', role: 'listitem', title: attachmentTitle(attachment) },
          icon(attachment.kind === 'image' ? 'file-media' : 'code'),
          h('span', {}, attachmentText(attachment)),
          iconButton('close', l10n.t('Remove {0}', attachmentTitle(attachment)), () => this.post({ type: 'removeAttachment', id: attachment.id }), {
            className: 'pg-chip-remove',
          }),
        ),
      ),
    );
    this.chips.hidden = attachments.length === 0;
    this.updateButtons();
  }

  setSettings(model: string, safeguards: readonly string[]): void {
    const shield = safeguards.length ? l10n.t('safeguards: {0}', safeguards.join(', ')) : l10n.t('no safeguards');
    this.status.replaceChildren(icon(safeguards.length ? 'shield' : 'circle-slash'), h('span', {}, `${model || l10n.t('no model set')} · ${shield}`));
    this.status.title = l10n.t('Next message: model {0}, {1}', model || l10n.t('(asked when you send)'), shield);
  }

  setRunning(running: boolean): void {
    const hadFocus = this.element.contains(document.activeElement);
    this.running = running;
    this.textarea.disabled = running;
    this.stopButton.hidden = !running;
    this.sendButton.hidden = running;
    if (hadFocus) this.focus();
    this.updateButtons();
  }

  private updateButtons(): void {
    this.sendButton.disabled = this.running || (this.textarea.value.trim() === '' && this.attachmentCount === 0);
  }

  private send(): void {
    const text = this.textarea.value;
    if (this.running || (text.trim() === '' && this.attachmentCount === 0)) return;
    this.post({ type: 'send', text });
    this.textarea.value = '';
    this.recalled = null;
    this.onDraft('');
    this.updateButtons();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      this.send();
    } else if (event.key === 'Escape' && this.running) {
      event.preventDefault();
      this.post({ type: 'stop' });
    } else if (event.key === 'ArrowUp' && this.canRecall() && this.prompts.length > 0) {
      event.preventDefault();
      if (this.recalled === null) this.draftBeforeRecall = this.textarea.value;
      this.recalled = this.recalled === null ? this.prompts.length - 1 : Math.max(0, this.recalled - 1);
      this.show(this.prompts[this.recalled] ?? '');
    } else if (event.key === 'ArrowDown' && this.recalled !== null && this.canRecall()) {
      event.preventDefault();
      const next = this.recalled + 1;
      this.recalled = next < this.prompts.length ? next : null;
      this.show(this.recalled === null ? this.draftBeforeRecall : (this.prompts[this.recalled] ?? ''));
    }
  }

  /** Up recalls when the box is empty or shows a recalled prompt, so it never steals line navigation. */
  private canRecall(): boolean {
    return this.textarea.value === '' || (this.recalled !== null && this.textarea.value === this.prompts[this.recalled]);
  }

  private show(text: string): void {
    this.textarea.value = text;
    this.textarea.setSelectionRange(text.length, text.length);
    this.onDraft(text);
    this.updateButtons();
  }
}
