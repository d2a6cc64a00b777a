// The chat history of one workspace. Pure logic over a Memento-like key/value store (in the extension
// historyFiles.ts: each conversation a file of the workspace storage folder, the index and current id in
// context.workspaceState; a Map in the tests): never settings, never global state. Each conversation is
// stored under its own key, with a small index of ids: a change writes the conversation that changed
// and the index, never the others. With `keep` off nothing is written (and
// what was kept earlier is removed); at most `max` conversations are kept.
import * as z from 'zod/mini';
import '../util/zodEnglish';
import * as l10n from '../core/l10n';
import { ConversationSchema, titleFrom, type Conversation, type ConversationSummary, type Turn } from './conversation';
import { MAX_CONVERSATION_BYTES, capConversation, conversationBytes, withinHistoryCaps } from './historyCaps';

/** The part of vscode.Memento the store needs (`update(key, undefined)` removes the key). */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

/** The whole history in one value: how version 1 stored it (read once, then moved to the keys below). */
export const CONVERSATIONS_KEY = 'predictionGuard.chat.conversations';
export const INDEX_KEY = 'predictionGuard.chat.index';
export const CURRENT_KEY = 'predictionGuard.chat.current';
export const CONVERSATION_KEY_PREFIX = 'predictionGuard.chat.conversation.';
/** The default limit on kept conversations (`predictionGuard.chat.maxConversations`). */
export const MAX_CONVERSATIONS = 100;

export function conversationKey(id: string): string {
  return `${CONVERSATION_KEY_PREFIX}${id}`;
}

const LegacySchema = z.object({ version: z.literal(1), conversations: z.array(z.unknown()) });
const IndexSchema = z.object({ version: z.literal(2), ids: z.array(z.string().check(z.minLength(1))) });

/** The ids the stored index lists (none when there is no index yet). */
export function indexedIds(storage: KeyValueStore): string[] {
  const index = IndexSchema.safeParse(storage.get(INDEX_KEY));
  return index.success ? index.data.ids : [];
}

/** One conversation in the history list: the protocol's own shape, so there is one definition. */

/** What the settings say about keeping history, read at each change. */
export interface HistoryPolicy {
  /** `chat.keepHistory`: false writes nothing and removes what was kept. */
  readonly keep: boolean;
  /** `chat.maxConversations`. */
  readonly max: number;
  /** `chat.historyRetentionDays`: conversations unused longer are removed; 0 (or none) keeps them. */
  readonly retentionDays?: number;
}

export interface StoreOptions {
  readonly now?: () => number;
  readonly newId?: () => string;
  /** Told when workspace storage refuses a write (the history then lives only until the window closes). */
  readonly onWriteError?: (error: unknown) => void;
  readonly policy?: () => HistoryPolicy;
}

const DEFAULT_POLICY: HistoryPolicy = { keep: true, max: MAX_CONVERSATIONS };

function parseConversation(item: unknown): Conversation | undefined {
  const parsed = ConversationSchema.safeParse(item);
  if (!parsed.success) return undefined;
  // A request cannot outlive the window: a turn still marked as running was interrupted.
  const turns = parsed.data.turns.map((turn): Turn =>
    turn.status === 'pending'
      ? { ...turn, status: 'error', error: { kind: 'cancelled', message: l10n.t('The window closed before the answer arrived.'), actions: [] } }
      : turn,
  );
  return { ...parsed.data, turns };
}

export class ConversationStore {
  private conversations: Conversation[];
  private currentId: string;
  /** A new chat that has no message yet: shown, but not stored or listed. */
  private draft: Conversation | undefined;
  private writes: Promise<void> = Promise.resolve();
  /** What the next write must store: changed conversations, removed ones, the current id. */
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  /** Ids stored under their own key (to remove them when history is cleared or turned off). */
  private readonly stored = new Set<string>();
  private kept: boolean;
  /** A write of the changes is queued and has not started yet. */
  private saveQueued = false;

  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly onWriteError: (error: unknown) => void;
  private readonly policy: () => HistoryPolicy;
  private readonly sizes = new WeakMap<Conversation, number>();

  constructor(
    private readonly storage: KeyValueStore,
    options: StoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.onWriteError = options.onWriteError ?? (() => undefined);
    this.policy = options.policy ?? (() => DEFAULT_POLICY);
    const loaded = this.load();
    this.kept = this.policy().keep;
    this.conversations = this.kept ? this.limited(loaded.conversations) : [];
    const saved = storage.get(CURRENT_KEY);
    const current = typeof saved === 'string' ? this.conversations.find((c) => c.id === saved) : undefined;
    this.currentId = current?.id ?? this.startDraft().id;
    if (!this.kept) this.purge();
    else if (loaded.legacy || this.conversations.length < loaded.conversations.length) this.migrate(loaded.legacy);
  }

  /** Stored conversations, most recently used first. */
  list(): ConversationSummary[] {
    return [...this.conversations]
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .map((c) => ({ id: c.id, title: c.title, updatedAt: c.updatedAt, turns: c.turns.length }));
  }

  current(): Conversation {
    return this.get(this.currentId) ?? this.startDraft();
  }

  get(id: string): Conversation | undefined {
    if (this.draft?.id === id) return this.draft;
    return this.conversations.find((c) => c.id === id);
  }

  /** Starts a new, empty conversation and makes it current. */
  newConversation(): Conversation {
    const draft = this.startDraft();
    this.currentId = draft.id;
    this.save();
    return draft;
  }

  /** Makes a stored conversation current; false when there is none with that id. */
  switchTo(id: string): boolean {
    if (!this.get(id)) return false;
    this.currentId = id;
    this.save();
    return true;
  }

  /** Adds a turn to the current conversation (storing it if it was a draft); titles it from its first message. */
  addTurn(turn: Turn): Conversation {
    const conversation = this.current();
    const isFirst = conversation.turns.length === 0;
    const updated: Conversation = {
      ...conversation,
      title: isFirst ? titleFrom(turn.prompt, turn.attachments) : conversation.title,
      updatedAt: this.now(),
      turns: [...conversation.turns, turn],
    };
    if (this.draft?.id === conversation.id) this.draft = undefined;
    return this.replace(updated);
  }

  /** Replaces a turn of a stored conversation (its answer arrived, it failed, or it is retried). */
  updateTurn(conversationId: string, turn: Turn): void {
    const conversation = this.conversations.find((c) => c.id === conversationId);
    if (!conversation || !conversation.turns.some((t) => t.id === turn.id)) return;
    this.replace({ ...conversation, updatedAt: this.now(), turns: conversation.turns.map((t) => (t.id === turn.id ? turn : t)) });
  }

  rename(id: string, title: string): boolean {
    const conversation = this.conversations.find((c) => c.id === id);
    const trimmed = title.trim();
    if (!conversation || !trimmed) return false;
    this.replace({ ...conversation, title: trimmed.slice(0, 200) });
    return true;
  }

  /** Deletes a stored conversation; when it was current, a new one starts. */
  delete(id: string): boolean {
    const before = this.conversations.length;
    this.conversations = this.conversations.filter((c) => c.id !== id);
    if (this.conversations.length === before) return false;
    this.forget(id);
    if (this.currentId === id) this.currentId = this.startDraft().id;
    this.save();
    return true;
  }

  /** Deletes every conversation (and its stored copy); a new chat starts. */
  clearAll(): number {
    const count = this.conversations.length;
    for (const conversation of this.conversations) this.forget(conversation.id);
    this.conversations = [];
    this.currentId = this.startDraft().id;
    this.save();
    return count;
  }

  /**
   * The history settings changed: turned off, what was stored is removed (the chats stay until the
   * window closes); turned on, the chats of this window are stored; a lower limit drops the oldest.
   */
  policyChanged(): void {
    const { keep } = this.policy();
    const limited = this.limited(this.conversations);
    for (const dropped of this.conversations.filter((c) => !limited.includes(c))) this.forget(dropped.id);
    this.conversations = limited;
    if (!keep) {
      if (this.kept) this.purge();
      this.kept = false;
      return;
    }
    if (!this.kept) for (const conversation of this.conversations) this.changed.add(conversation.id);
    this.kept = true;
    this.save();
  }

  /** Resolves when every change so far is written. */
  flush(): Promise<void> {
    return this.writes;
  }

  private load(): { conversations: Conversation[]; legacy: boolean } {
    const index = IndexSchema.safeParse(this.storage.get(INDEX_KEY));
    if (index.success) {
      const conversations = index.data.ids.flatMap((id) => {
        this.stored.add(id);
        const conversation = parseConversation(this.storage.get(conversationKey(id)));
        return conversation && conversation.id === id ? [conversation] : [];
      });
      return { conversations, legacy: false };
    }
    const legacy = LegacySchema.safeParse(this.storage.get(CONVERSATIONS_KEY));
    if (!legacy.success) return { conversations: [], legacy: this.storage.get(CONVERSATIONS_KEY) !== undefined };
    return { conversations: legacy.data.conversations.flatMap((item) => parseConversation(item) ?? []), legacy: true };
  }

  /** Moves a version 1 history (or one over the limit) to the per-conversation keys. */
  private migrate(legacy: boolean): void {
    for (const conversation of this.conversations) this.changed.add(conversation.id);
    for (const id of this.stored) if (!this.conversations.some((c) => c.id === id)) this.removed.add(id);
    this.save();
    if (legacy) this.enqueue(() => this.storage.update(CONVERSATIONS_KEY, undefined));
  }

  /** Removes everything this store ever wrote for this workspace. */
  private purge(): void {
    const ids = [...new Set([...this.stored, ...this.removed, ...this.conversations.map((c) => c.id)])];
    this.changed.clear();
    this.removed.clear();
    this.stored.clear();
    this.enqueue(async () => {
      for (const id of ids) await this.storage.update(conversationKey(id), undefined);
      for (const key of [INDEX_KEY, CURRENT_KEY, CONVERSATIONS_KEY]) if (this.storage.get(key) !== undefined) await this.storage.update(key, undefined);
    });
  }

  private startDraft(): Conversation {
    const at = this.now();
    this.draft = { id: this.newId(), title: l10n.t('New chat'), createdAt: at, updatedAt: at, turns: [] };
    return this.draft;
  }

  /** The `max` most recently used of `conversations`. */
  private limited(conversations: readonly Conversation[]): Conversation[] {
    const { max, retentionDays = 0 } = this.policy();
    const recent = [...conversations].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, Math.max(1, Math.floor(max)));
    return withinHistoryCaps(recent, this.now(), retentionDays, (c) => this.size(c));
  }

  /** A conversation's size in its file (measured once per version of it). */
  private size(conversation: Conversation): number {
    let bytes = this.sizes.get(conversation);
    if (bytes === undefined) this.sizes.set(conversation, (bytes = conversationBytes(conversation)));
    return bytes;
  }

  private forget(id: string): void {
    this.changed.delete(id);
    this.removed.add(id);
  }

  /** Stores the new version of a conversation (its latest turns when it is over the size cap); returns what is stored. */
  private replace(changed: Conversation): Conversation {
    const conversation = this.size(changed) > MAX_CONVERSATION_BYTES ? capConversation(changed) : changed;
    const others = this.conversations.filter((c) => c.id !== conversation.id);
    const all = [...others, conversation];
    this.conversations = this.limited(all);
    for (const dropped of all.filter((c) => !this.conversations.includes(c))) this.forget(dropped.id);
    if (this.conversations.includes(conversation)) this.changed.add(conversation.id);
    this.save();
    return conversation;
  }

  private enqueue(write: () => Thenable<void> | Promise<void>): void {
    this.writes = this.writes.then(write).catch((error: unknown) => this.onWriteError(error));
  }

  /**
   * Writes what changed: one write queued at a time, which takes what changed up to the moment it runs
   * (so changes made while a write runs go out together in the next, and a slow storage never falls
   * behind by more than one write: all a window closing then can lose).
   */
  private save(): void {
    if (!this.kept || this.saveQueued) return;
    this.saveQueued = true;
    this.enqueue(() => {
      this.saveQueued = false;
      return this.writeChanges();
    });
  }

  /** Those conversations, removals, the index and the current id, in one batch. */
  private async writeChanges(): Promise<void> {
    if (!this.kept) return;
    const changed = this.conversations.filter((c) => this.changed.has(c.id));
    const removed = [...this.removed];
    this.changed.clear();
    this.removed.clear();
    for (const id of removed) this.stored.delete(id);
    for (const conversation of changed) this.stored.add(conversation.id);
    // One batch: VS Code's workspace state sends the extension's whole state once for the updates of
    // the same moment, and once per update when each waits for the one before.
    const writes = [
      ...changed.map((conversation) => this.storage.update(conversationKey(conversation.id), conversation)),
      ...removed.map((id) => this.storage.update(conversationKey(id), undefined)),
      this.storage.update(INDEX_KEY, { version: 2, ids: this.conversations.map((c) => c.id) }),
    ];
    if (this.storage.get(CURRENT_KEY) !== this.currentId) writes.push(this.storage.update(CURRENT_KEY, this.currentId));
    await Promise.all(writes);
  }
}
