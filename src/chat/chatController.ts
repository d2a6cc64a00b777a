// The chat's behaviour on the extension side: sends turns, keeps the history, runs the code, link and
// history actions the webview asks for. The webview can only ask for these named things; what each
// does (which setting, which code, which URL check) is decided here, never taken from the message.
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { safeguardLabels } from '../api/safeguards';
import { type Session } from '../session/session';
import { Disposable, toDisposable } from '../util/dispose';
import { codeBlocks } from '../core/markdown/lazyMarkdown';
import { shownBlock } from '../core/markdown/shownBlock';
import { type Consent, type ToolCall } from '../tools/loop';
import { workspaceToolHooks } from '../tools/vscodeHooks';
import { type CodeActionKind, type SetupStep, type ToHost, type ToolCallView, type ToolRequestView, type ToWebview } from '../webview/protocol/chat';
import { pickImage } from './attachments';
import { runCodeAction } from './codeActions';
import { type Turn, type TurnError } from './conversation';
import { conversationInput } from './conversationInput';
import { type ConversationStore } from './conversationStore';
import { type EditorTracker } from './editorTracker';
import { changeSafeguard, openLink, runErrorAction } from './followUps';
import { openFullAnswer } from './fullAnswer';
import { ChatHistoryActions } from './historyActions';
import { PendingContext } from './pendingContext';
import { ChatFactuality } from '../safety/chatFactuality';
import { callView, runTurn, type TurnResult, type TurnTools } from './turnRunner';
import { PartialFeed } from './partialFeed';
import { McpConsentMemory } from '../core/mcpConsent';
import { SentTurns, stateMessage } from './viewModel';

interface Running {
  readonly turnId: string;
  readonly abort: AbortController;
  /** A retry wait, shown on the pending turn. */
  notice?: string;
  /** The tool calls made so far in this turn. */
  readonly progress: ToolCallView[];
  /** The consent card or result prompt shown now, and what answers it. */
  waiting?: { readonly view: ToolRequestView; readonly answer: (message: ToolAnswer) => void };
}

type ToolAnswer = Extract<ToHost, { type: 'toolConsent' | 'toolResult' }>;

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export class ChatController extends Disposable {
  private post: ((message: ToWebview) => void) | undefined;
  private running: Running | undefined;
  private readonly context: PendingContext;
  private readonly history: ChatHistoryActions;
  private readonly factuality: ChatFactuality;
  /** Conversations where the user chose "Allow for this chat" (in memory: a new window asks again). */
  private readonly allowedChats = new Set<string>();
  /** Each conversation's MCP consent (in memory: a new chat or window asks again). */
  private readonly mcpConsents = new Map<string, McpConsentMemory>();
  /** Whether a key is stored, for the welcome view; refreshed when the key changes. */
  private hasApiKey = true;
  /** The turns the page has been sent: a state carries only the others (and the changed ones). */
  private readonly sent = new SentTurns();
  /** The running turn's answer so far, to the page while it is there (nothing queues while it is away). */
  private readonly partials = new PartialFeed((message) => this.post?.(message));

  constructor(
    private readonly store: ConversationStore,
    private readonly session: Session,
    private readonly tracker: EditorTracker,
    private readonly newId: () => string = () => globalThis.crypto.randomUUID(),
  ) {
    super();
    this.context = this._register(new PendingContext(newId));
    this.history = new ChatHistoryActions(store, () => this.pushState());
    this.factuality = this._register(new ChatFactuality({ connect: () => session.connect(), log: session.log }, () => this.pushState()));
    this._register(session.tokens.onDidChange(() => void this.refreshKey()));
    // First out on dispose: a running turn is stopped and nothing is posted afterwards.
    this._register(
      toDisposable(() => {
        this.stop();
        this.post = undefined;
      }),
    );
  }

  private async refreshKey(): Promise<void> {
    const hasApiKey = await this.session.tokens.get().then(
      (token) => token !== undefined,
      () => false,
    );
    if (hasApiKey === this.hasApiKey) return;
    this.hasApiKey = hasApiKey;
    this.pushState();
  }

  /** The view is shown: messages go to it from now on. */
  attach(post: (message: ToWebview) => void): void {
    this.post = post;
    this.sent.reset();
    this.partials.pageAway();
  }

  detach(post: (message: ToWebview) => void): void {
    if (this.post === post) this.post = undefined;
  }

  /** The view was hidden: its page is unloaded, and the next one starts with nothing. */
  pageUnloaded(): void {
    this.sent.reset();
    this.partials.pageAway();
  }

  async handle(message: ToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        // A page that loaded anew (or asks again) gets the whole conversation.
        this.sent.reset();
        this.partials.pageReady();
        this.pushState();
        return this.refreshKey();
      case 'setup':
        return this.setup(message.step);
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
        this.context.remove(message.id);
        return this.pushState();
      case 'openLink':
        return openLink(message.url, this.session.log);
      case 'codeAction':
        return this.codeAction(message.turnId, message.block, message.code, message.action);
      case 'errorAction': {
        const error = this.turnError(message.turnId);
        return error ? runErrorAction(error, message.index, this.session.log) : undefined;
      }
      case 'openFullAnswer':
        return openFullAnswer(this.store.current().turns.find((t) => t.id === message.turnId));
      case 'checkFactuality': {
        const turn = this.store.current().turns.find((t) => t.id === message.turnId);
        return turn ? this.factuality.check(turn) : undefined;
      }
      case 'changeSafeguard': {
        const error = this.turnError(message.turnId);
        return error ? changeSafeguard(error) : undefined;
      }
      case 'newChat':
        return this.newChat();
      case 'switchConversation':
        return this.history.switchTo(message.id);
      case 'renameConversation':
        return this.history.rename(message.id);
      case 'deleteConversation':
        return this.history.delete(message.id);
      case 'toolConsent':
      case 'toolResult':
        // Only the card shown now can be answered: another requestId (a stale card) is ignored.
        if (this.running?.waiting?.view.requestId === message.requestId) this.running.waiting.answer(message);
        return undefined;
      default: {
        const never: never = message;
        return never;
      }
    }
  }

  private async setup(step: SetupStep): Promise<void> {
    const command = { setApiKey: 'predictionGuard.setApiKey', selectModel: 'predictionGuard.selectModel', walkthrough: 'predictionGuard.openWalkthrough' }[
      step
    ];
    await vscode.commands.executeCommand(command);
  }

  newChat(): void {
    this.store.newConversation();
    this.pushState();
    this.post?.({ type: 'focusComposer' });
  }

  focusComposer(): void {
    this.post?.({ type: 'focusComposer' });
  }

  exportChat(): Promise<void> {
    return this.history.exportCurrent();
  }

  /** "Clear All Chats": after a confirmation, every chat of this workspace is deleted (a running request is stopped). */
  async clearAllChats(): Promise<void> {
    if (await this.history.clearAll(() => this.running?.abort.abort())) this.post?.({ type: 'focusComposer' });
  }

  settingsChanged(): void {
    this.pushState();
  }

  /** "Add Selection to Chat": attaches the selection as a chip and (from the command) shows the chat. */
  async addSelection(editor: vscode.TextEditor | undefined, reveal: boolean): Promise<void> {
    if (!this.context.addSelection(editor)) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Select some code in an editor first: “Add Selection to Chat” attaches the selected lines to your next message.'),
      );
      return;
    }
    if (reveal) await vscode.commands.executeCommand('predictionGuard.chatView.focus');
    this.pushState();
    this.post?.({ type: 'focusComposer' });
  }

  private async attachImage(): Promise<void> {
    try {
      const picked = await pickImage(this.newId());
      if (!picked) return;
      this.context.setImage(picked.attachment, picked.dataUrl);
      this.pushState();
    } catch (error) {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('Prediction Guard could not attach the image: {0}', inert(error instanceof Error ? error.message : String(error))),
      );
    }
  }

  private async send(text: string): Promise<void> {
    if (this.running) return;
    if (!text.trim() && this.context.attachments().length === 0) return;
    const id = this.newId();
    const attachments = this.context.take(id, this.tracker.editor());
    const turn: Turn = { id, prompt: text.trim(), attachments, status: 'pending', startedAt: Date.now(), safeguards: [] };
    this.store.addTurn(turn);
    await this.run(turn);
  }

  private async retry(turnId: string): Promise<void> {
    if (this.running) return;
    const turn = this.store.current().turns.find((t) => t.id === turnId);
    if (!turn || turn.status === 'pending') return;
    const again: Turn = { ...turn, status: 'pending', startedAt: Date.now(), answer: undefined, error: undefined };
    this.store.updateTurn(this.store.current().id, again);
    await this.run(again);
  }

  /** Stop: the request (and its stream) is aborted at once, and no more of the answer is shown. */
  private stop(): void {
    const running = this.running;
    if (!running) return;
    this.partials.end();
    running.abort.abort();
  }

  private async run(turn: Turn): Promise<void> {
    const conversationId = this.store.current().id;
    const abort = new AbortController();
    const running: Running = {
      turnId: turn.id,
      abort,
      progress: [],
    };
    this.partials.end();
    this.running = running;
    this.pushState();
    let safeguards: string[] = [];
    let result: TurnResult;
    try {
      result = await runTurn(
        this.session,
        this.input(conversationId, turn),
        abort.signal,
        {
          onSafeguards: (labels) => (safeguards = labels),
          mcpConsent: this.mcpConsentFor(conversationId),
          onNotice: (notice) => {
            running.notice = notice;
            this.pushState();
          },
          onPartial: (text) => {
            if (abort.signal.aborted) return;
            this.partials.push(turn.id, text);
          },
        },
        this.tools(running, conversationId),
      );
    } finally {
      this.partials.end();
      this.running = undefined;
    }
    this.store.updateTurn(conversationId, {
      ...turn,
      safeguards,
      status: result.status,
      answer: result.status === 'done' ? result.answer : undefined,
      error: result.status === 'error' ? result.error : undefined,
    });
    this.context.turnEnded(turn.attachments, result.status === 'done');
    this.log(result);
    this.pushState();
  }

  private mcpConsentFor(conversationId: string): McpConsentMemory {
    let consent = this.mcpConsents.get(conversationId);
    if (!consent) this.mcpConsents.set(conversationId, (consent = new McpConsentMemory()));
    return consent;
  }

  /** The workspace tools for one turn: run here, consent and typed results through the chat's cards. */
  private tools(running: Running, conversationId: string): TurnTools {
    const settings = this.session.settings;
    return {
      hooks: {
        ...workspaceToolHooks(settings.workspaceTools.exclude),
        consent: async (call, signal) => {
          const answer = await this.waitForUser(running, 'consent', call, signal);
          const choice: Consent = answer?.type === 'toolConsent' ? answer.choice : 'deny';
          if (choice === 'allowChat') this.allowedChats.add(conversationId);
          return choice;
        },
        askResult: async (call, signal) => {
          const answer = await this.waitForUser(running, 'result', call, signal);
          return answer?.type === 'toolResult' && answer.result !== null ? answer.result : undefined;
        },
        onCall: (record) => {
          running.progress.push(callView(record));
          this.pushState();
        },
      },
      options: {
        settings,
        allowedForChat: this.allowedChats.has(conversationId),
        warn: (line) => this.session.log.warn(line),
      },
    };
  }

  /** Shows the card for `call` until the user answers it (undefined when the turn is stopped first). */
  private waitForUser(running: Running, kind: ToolRequestView['kind'], call: ToolCall, signal: AbortSignal): Promise<ToolAnswer | undefined> {
    return new Promise((resolve) => {
      const finish = (message: ToolAnswer | undefined): void => {
        signal.removeEventListener('abort', onAbort);
        if (running.waiting?.view === view) running.waiting = undefined;
        this.pushState();
        resolve(message);
      };
      const onAbort = (): void => finish(undefined);
      const view: ToolRequestView = {
        kind,
        requestId: this.newId(),
        turnId: running.turnId,
        tool: clip(call.name, 100),
        description: clip(call.description, 2000),
        arguments: clip(call.arguments, 20_000),
      };
      if (signal.aborted) return resolve(undefined);
      signal.addEventListener('abort', onAbort, { once: true });
      running.waiting = {
        view,
        answer: (message) => {
          if ((kind === 'consent') === (message.type === 'toolConsent')) finish(message);
        },
      };
      this.pushState();
    });
  }

  /** The conversation up to `turn`, at most `chat.maxTurns` earlier turns, as the request's input. */
  private input(conversationId: string, turn: Turn): ReturnType<typeof conversationInput> {
    const conversation = this.store.get(conversationId);
    const index = conversation?.turns.findIndex((t) => t.id === turn.id) ?? -1;
    const earlier = conversation && index > 0 ? conversation.turns.slice(0, index) : [];
    return conversationInput(earlier, turn, this.session.settings.chatMaxTurns, (id) => this.context.imageData(id));
  }

  private log(result: TurnResult): void {
    if (result.status === 'cancelled') this.session.log.info('Chat: request stopped.');
  }

  private async codeAction(turnId: string, index: number, shown: string, action: CodeActionKind): Promise<void> {
    const turn = this.store.current().turns.find((t) => t.id === turnId);
    const block = turn?.answer ? shownBlock(codeBlocks(turn.answer.text), index, shown) : undefined;
    if (!block) {
      this.session.log.warn(`Chat: code block ${index + 1} is not the code the chat showed; nothing was done.`);
      return;
    }
    await runCodeAction(action, { block, tracker: this.tracker, askedAbout: this.context.askedAbout(turnId), review: this.session.settings.review });
  }

  private turnError(turnId: string): TurnError | undefined {
    return this.store.current().turns.find((t) => t.id === turnId)?.error;
  }

  /** The page's whole state; while the page is away nothing (its `ready` is answered with the state then). */
  private pushState(): void {
    if (!this.post || !this.partials.pageShown) return;
    const { settings } = this.session;
    this.post(
      stateMessage(
        {
          conversations: this.store.list(),
          current: this.store.current(),
          running: this.running?.turnId,
          notice: this.running?.notice,
          progress: this.running?.progress,
          toolRequest: this.running?.waiting?.view,
          attachments: this.context.attachments(),
          model: settings.params.model,
          hasApiKey: this.hasApiKey,
          safeguards: safeguardLabels(settings.params.safeguards),
          factuality: (turnId) => this.factuality.view(turnId),
        },
        this.sent,
      ),
    );
    // A redrawn pending turn shows the answer so far again at once.
    this.partials.resend();
  }
}
