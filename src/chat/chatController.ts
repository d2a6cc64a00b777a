// The chat's behaviour on the extension side: sends turns, keeps the history, runs the code, link and
// history actions the webview asks for. The webview can only ask for these named things; what each
// does (which setting, which code, which URL check) is decided here, never taken from the message.
import * as vscode from 'vscode';
import * as z from 'zod';
import { connect, pickModel, type Services } from '../commands/services';
import { currentSettings } from '../config/settings';
import { codeBlocks, isAllowedLink } from '../core/markdown/parser';
import { type ToHost, type ToWebview } from '../webview/protocol/chat';
import { pickImage, selectionAttachment } from './attachments';
import { type AskedAbout, runCodeAction } from './codeActions';
import { attachmentLabel, type Attachment, type Turn, type TurnError } from './conversation';
import { conversationInput } from './conversationInput';
import { type ConversationStore } from './conversationStore';
import { type EditorTracker } from './editorTracker';
import { ChatHistoryActions } from './historyActions';
import { runTurn, safeguardLabels, safeguardOf, turnError, type TurnResult } from './turnRunner';
import { stateMessage } from './viewModel';

/** Replace Selection works for the answers to this many recent questions. */
const MAX_PINNED_TURNS = 20;
const MaxTurnsSchema = z.number().int().min(0).max(100).catch(10);

interface Running {
  readonly turnId: string;
  readonly abort: AbortController;
}

export class ChatController implements vscode.Disposable {
  private post: ((message: ToWebview) => void) | undefined;
  private pending: Attachment[] = [];
  private readonly pendingPins = new Map<string, AskedAbout>();
  /** Per turn: the selection its question was about, for Replace Selection. */
  private readonly turnPins = new Map<string, AskedAbout>();
  /** Image bytes (data URLs) by attachment id; in memory only. */
  private readonly images = new Map<string, string>();
  private running: Running | undefined;
  private readonly history: ChatHistoryActions;

  constructor(
    private readonly store: ConversationStore,
    private readonly services: Services,
    private readonly tracker: EditorTracker,
    private readonly newId: () => string = () => globalThis.crypto.randomUUID(),
  ) {
    this.history = new ChatHistoryActions(store, () => this.changed());
  }

  /** The view is shown: messages go to it from now on. */
  attach(post: (message: ToWebview) => void): void {
    this.post = post;
  }

  detach(post: (message: ToWebview) => void): void {
    if (this.post === post) this.post = undefined;
  }

  async handle(message: ToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        return this.pushState();
      case 'send':
        return this.send(message.text);
      case 'stop':
        return this.stop();
      case 'retry':
        return this.retry(message.turnId);
      case 'addSelection':
        return this.addSelection(this.tracker.editor(), false);
      case 'attachImage':
        return this.attachImage();
      case 'removeAttachment':
        return this.removeAttachment(message.id);
      case 'openLink':
        return this.openLink(message.url);
      case 'codeAction':
        return this.codeAction(message.turnId, message.block, message.action);
      case 'errorAction':
        return this.errorAction(message.turnId, message.index);
      case 'changeSafeguard':
        return this.changeSafeguard(message.turnId);
      case 'newChat':
        return this.newChat();
      case 'switchConversation':
        return this.history.switchTo(message.id);
      case 'renameConversation':
        return this.history.rename(message.id);
      case 'deleteConversation':
        return this.history.delete(message.id);
    }
  }

  newChat(): void {
    this.store.newConversation();
    this.changed();
    this.post?.({ type: 'focusComposer' });
  }

  exportChat(): Promise<void> {
    return this.history.exportCurrent();
  }

  settingsChanged(): void {
    this.pushState();
  }

  /** "Add Selection to Chat": attaches the selection as a chip and shows the chat. */
  async addSelection(editor: vscode.TextEditor | undefined, reveal: boolean): Promise<void> {
    const added = editor ? selectionAttachment(editor, this.newId()) : undefined;
    if (!added) {
      void vscode.window.showInformationMessage('Select some code in an editor first: “Add Selection to Chat” attaches the selected lines to your next message.');
      return;
    }
    const { attachment } = added;
    const duplicate = this.pending.some(
      (a) => a.kind === 'selection' && a.file === attachment.file && a.startLine === attachment.startLine && a.endLine === attachment.endLine && a.text === attachment.text,
    );
    if (duplicate) added.pin.dispose();
    else {
      this.pending = [...this.pending, attachment];
      this.pendingPins.set(attachment.id, { pin: added.pin, label: attachmentLabel(attachment) });
    }
    if (reveal) await vscode.commands.executeCommand('predictionGuard.chatView.focus');
    this.pushState();
    this.post?.({ type: 'focusComposer' });
  }

  private async attachImage(): Promise<void> {
    try {
      const picked = await pickImage(this.newId());
      if (!picked) return;
      this.images.set(picked.attachment.id, picked.dataUrl);
      this.pending = [...this.pending.filter((a) => a.kind !== 'image'), picked.attachment];
      this.pushState();
    } catch (error) {
      void vscode.window.showWarningMessage(`Prediction Guard could not attach the image: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private removeAttachment(id: string): void {
    this.pending = this.pending.filter((a) => a.id !== id);
    this.images.delete(id);
    this.pendingPins.get(id)?.pin.dispose();
    this.pendingPins.delete(id);
    this.pushState();
  }

  private async send(text: string): Promise<void> {
    if (this.running) return;
    const attachments = this.pending;
    if (!text.trim() && attachments.length === 0) return;
    const turn: Turn = { id: this.newId(), prompt: text.trim(), attachments, status: 'pending', startedAt: Date.now(), safeguards: [] };
    this.pinQuestion(turn.id, attachments);
    this.pending = [];
    this.store.addTurn(turn);
    await this.run(turn);
  }

  /** Keeps the selection the question is about: the first chip's, else the editor's selection now. */
  private pinQuestion(turnId: string, attachments: readonly Attachment[]): void {
    const chip = attachments.find((a) => a.kind === 'selection');
    const chipPin = chip ? this.pendingPins.get(chip.id) : undefined;
    for (const pinned of this.pendingPins.values()) if (pinned !== chipPin) pinned.pin.dispose();
    this.pendingPins.clear();
    const pinned = chipPin ?? this.editorSelectionPin();
    if (!pinned) return;
    this.turnPins.set(turnId, pinned);
    // Each pin follows its document's edits: keep only the recent ones.
    for (const [id, old] of this.turnPins) {
      if (this.turnPins.size <= MAX_PINNED_TURNS) break;
      old.pin.dispose();
      this.turnPins.delete(id);
    }
  }

  private editorSelectionPin(): AskedAbout | undefined {
    const editor = this.tracker.editor();
    const added = editor ? selectionAttachment(editor, 'pin') : undefined;
    return added ? { pin: added.pin, label: attachmentLabel(added.attachment) } : undefined;
  }

  private async retry(turnId: string): Promise<void> {
    if (this.running) return;
    const turn = this.store.current().turns.find((t) => t.id === turnId);
    if (!turn || turn.status === 'pending') return;
    const again: Turn = { ...turn, status: 'pending', startedAt: Date.now(), answer: undefined, error: undefined };
    this.store.updateTurn(this.store.current().id, again);
    await this.run(again);
  }

  private stop(): void {
    this.running?.abort.abort();
  }

  private async run(turn: Turn): Promise<void> {
    const conversationId = this.store.current().id;
    const abort = new AbortController();
    this.running = { turnId: turn.id, abort };
    this.pushState();
    const busy = this.services.statusBar.busy();
    let safeguards: string[] = [];
    let result: TurnResult;
    try {
      result = await this.request(conversationId, turn, abort.signal, (labels) => (safeguards = labels));
    } catch (error) {
      result = abort.signal.aborted ? { status: 'cancelled' } : { status: 'error', error: turnError(error) };
    } finally {
      busy.dispose();
      this.running = undefined;
    }
    this.store.updateTurn(conversationId, {
      ...turn,
      safeguards,
      status: result.status,
      answer: result.status === 'done' ? result.answer : undefined,
      error: result.status === 'error' ? result.error : undefined,
    });
    this.log(result);
    this.pushState();
  }

  private async request(conversationId: string, turn: Turn, signal: AbortSignal, onSafeguards: (labels: string[]) => void): Promise<TurnResult> {
    const connection = await connect(this.services);
    if (!connection) return { status: 'error', error: { kind: 'auth', message: 'Prediction Guard needs an API key to answer.', actions: [{ kind: 'setApiKey' }] } };
    if (signal.aborted) return { status: 'cancelled' };
    const { client, settings, mcpAuthorizations } = connection;
    const model = settings.params.model || (await pickModel(client));
    if (!model) {
      return { status: 'error', error: { kind: 'config', message: 'Prediction Guard needs a model. Choose one, then Retry.', actions: [{ kind: 'openSetting', setting: 'predictionGuard.model' }] } };
    }
    onSafeguards(safeguardLabels(settings.params.safeguards));
    const conversation = this.store.get(conversationId);
    const index = conversation?.turns.findIndex((t) => t.id === turn.id) ?? -1;
    const earlier = conversation && index > 0 ? conversation.turns.slice(0, index) : [];
    const maxTurns = MaxTurnsSchema.parse(vscode.workspace.getConfiguration('predictionGuard').get('chat.maxTurns'));
    const input = conversationInput(earlier, turn, maxTurns, (id) => this.images.get(id));
    return runTurn(client, { ...settings.params, model }, input, signal, { mcpAuthorizations });
  }

  private log(result: TurnResult): void {
    if (result.status === 'done') {
      const { model, ms, usage } = result.answer;
      this.services.log.info(`Chat: answer from ${model} in ${ms} ms${usage ? `, ${usage.input ?? '?'} in / ${usage.output ?? '?'} out tokens` : ''}`);
    } else if (result.status === 'error') {
      this.services.log.warn(`Chat: ${result.error.message}`);
    } else {
      this.services.log.info('Chat: request stopped.');
    }
  }

  private async openLink(url: string): Promise<void> {
    if (!isAllowedLink(url)) {
      this.services.log.warn(`Chat: refused to open a link that is not https:, http: or mailto: (${url.slice(0, 80)})`);
      return;
    }
    const open = 'Open Link';
    const copy = 'Copy Link';
    const choice = await vscode.window.showWarningMessage('Open this link from the answer?', { modal: true, detail: url }, open, copy);
    if (choice === open) await vscode.env.openExternal(vscode.Uri.parse(url, true));
    else if (choice === copy) await vscode.env.clipboard.writeText(url);
  }

  private async codeAction(turnId: string, index: number, action: Parameters<typeof runCodeAction>[0]): Promise<void> {
    const turn = this.store.current().turns.find((t) => t.id === turnId);
    const block = turn?.answer ? codeBlocks(turn.answer.text)[index] : undefined;
    if (!block) return;
    await runCodeAction(action, { block, tracker: this.tracker, askedAbout: this.turnPins.get(turnId) });
  }

  private turnError(turnId: string): TurnError | undefined {
    return this.store.current().turns.find((t) => t.id === turnId)?.error;
  }

  private async errorAction(turnId: string, index: number): Promise<void> {
    const action = this.turnError(turnId)?.actions[index];
    if (!action) return;
    switch (action.kind) {
      case 'setApiKey':
        await vscode.commands.executeCommand('predictionGuard.setApiKey');
        return;
      case 'openSetting':
        if (action.setting.startsWith('predictionGuard.')) await vscode.commands.executeCommand('workbench.action.openSettings', action.setting);
        return;
      case 'showLog':
        this.services.log.show();
        return;
    }
  }

  /** "Change setting" on a safeguard decision: the parameters panel when there is one, else that setting. */
  private async changeSafeguard(turnId: string): Promise<void> {
    const error = this.turnError(turnId);
    const safeguard = error ? safeguardOf(error) : undefined;
    if (!safeguard) return;
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes('predictionGuard.openParameters')) await vscode.commands.executeCommand('predictionGuard.openParameters');
    else await vscode.commands.executeCommand('workbench.action.openSettings', safeguard.setting);
  }

  private changed(): void {
    this.pushState();
  }

  private pushState(): void {
    if (!this.post) return;
    const { settings } = currentSettings();
    this.post(
      stateMessage({
        conversations: this.store.list(),
        current: this.store.current(),
        running: this.running?.turnId,
        attachments: this.pending,
        model: settings.params.model,
        safeguards: safeguardLabels(settings.params.safeguards),
      }),
    );
  }

  dispose(): void {
    this.running?.abort.abort();
    for (const { pin } of [...this.pendingPins.values(), ...this.turnPins.values()]) pin.dispose();
    this.pendingPins.clear();
    this.turnPins.clear();
    this.post = undefined;
  }
}
