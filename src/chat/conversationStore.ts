// The chat history of one workspace. Pure logic over a Memento-like key/value store (VS Code's
// context.workspaceState in the extension, a Map in the tests): never settings, never global state.
import * as z from 'zod';
import { ConversationSchema, titleFrom, type Conversation, type Turn } from './conversation';
import { type ConversationSummary } from '../webview/protocol/chat';

/** The part of vscode.Memento the store needs. */
export interface KeyValueStore {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

export const CONVERSATIONS_KEY = 'predictionGuard.chat.conversations';
export const CURRENT_KEY = 'predictionGuard.chat.current';
/** The oldest conversations beyond this many are dropped. */
export const MAX_CONVERSATIONS = 100;

const StoredSchema = z.object({ version: z.literal(1), conversations: z.array(z.unknown()) });

/** One conversation in the history list: the protocol's own shape, so there is one definition. */
export type { ConversationSummary };

export interface StoreOptions {
  readonly now?: () => number;
  readonly newId?: () => string;
  /** Told when workspace storage refuses a write (the history then lives only until the window closes). */
  readonly onWriteError?: (error: unknown) => void;
}

function loadConversations(raw: unknown): Conversation[] {
  const stored = StoredSchema.safeParse(raw);
  if (!stored.success) return [];
  return stored.data.conversations.flatMap((item) => {
    const parsed = ConversationSchema.safeParse(item);
    if (!parsed.success) return [];
    // A request cannot outlive the window: a turn still marked as running was interrupted.
    const turns = parsed.data.turns.map((turn): Turn =>
      turn.status === 'pending'
        ? { ...turn, status: 'error', error: { kind: 'cancelled', message: 'The window closed before the answer arrived.', actions: [] } }
        : turn,
    );
    return [{ ...parsed.data, turns }];
  });
}

export class ConversationStore {
  private conversations: Conversation[];
  private currentId: string;
  /** A new chat that has no message yet: shown, but not stored or listed. */
  private draft: Conversation | undefined;
  private writes: Promise<void> = Promise.resolve();

  private readonly now: () => number;
  private readonly newId: () => string;
  private readonly onWriteError: (error: unknown) => void;

  constructor(
    private readonly storage: KeyValueStore,
    options: StoreOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? (() => globalThis.crypto.randomUUID());
    this.onWriteError = options.onWriteError ?? (() => undefined);
    this.conversations = loadConversations(storage.get(CONVERSATIONS_KEY));
    const saved = storage.get(CURRENT_KEY);
    const current = typeof saved === 'string' ? this.conversations.find((c) => c.id === saved) : undefined;
    this.currentId = current?.id ?? this.startDraft().id;
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
    this.replace(updated);
    return updated;
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
    if (this.currentId === id) this.currentId = this.startDraft().id;
    this.save();
    return true;
  }

  /** Resolves when every change so far is written. */
  flush(): Promise<void> {
    return this.writes;
  }

  private startDraft(): Conversation {
    const at = this.now();
    this.draft = { id: this.newId(), title: 'New chat', createdAt: at, updatedAt: at, turns: [] };
    return this.draft;
  }

  private replace(conversation: Conversation): void {
    const others = this.conversations.filter((c) => c.id !== conversation.id);
    this.conversations = [...others, conversation].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_CONVERSATIONS);
    this.save();
  }

  private save(): void {
    const conversations = this.conversations;
    const currentId = this.currentId;
    this.writes = this.writes
      .then(() => this.storage.update(CONVERSATIONS_KEY, { version: 1, conversations }))
      .then(() => this.storage.update(CURRENT_KEY, currentId))
      .catch((error: unknown) => this.onWriteError(error));
  }
}
