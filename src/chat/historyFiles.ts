// Where the chat history's conversations live: one JSON file per conversation in the extension's
// workspace storage folder, the small keys (index, current id) in workspace state. Pure: the folder
// is reached through `HistoryFolder` (workspace.fs in the extension, node:fs in the tests).
//
// Why not workspace state for everything: VS Code's Memento sends the extension's whole state to the
// workbench on every update, so with the conversations in it each new turn cost more the longer the
// history grew (`npm run bench`, chat turns 196–200). A file write costs the one conversation.
import { createHash } from 'node:crypto';
import { type KeyValueStore } from './conversationStore';

/** The files of one folder, by name. Writes must replace a file whole or not at all. */
export interface HistoryFolder {
  /** The file's text; undefined when there is no such file. */
  read(name: string): Promise<string | undefined>;
  write(name: string, text: string): Promise<void>;
  /** Removes the file; no error when there is none. */
  remove(name: string): Promise<void>;
}

/** The file of a stored conversation: its id when that is a plain id, else a hash of it. */
export function historyFileName(key: string, prefix: string): string {
  const id = key.slice(prefix.length);
  const safe = /^[A-Za-z0-9_-]{1,100}$/.test(id) ? id : `h-${createHash('sha256').update(id).digest('hex').slice(0, 40)}`;
  return `conversation-${safe}.json`;
}

/**
 * A key/value store for the ConversationStore: keys under `prefix` (one conversation each) go to
 * files of `folder`, the others to `state`. Opened once with what the index lists already read, so
 * `get` stays synchronous. A conversation found only in `state` (where earlier versions kept them)
 * is moved: written to its file, and removed from `state` once the file is written.
 */
export class FileBackedHistory implements KeyValueStore {
  private readonly values = new Map<string, unknown>();
  /** Per file: the last of its writes queued (each waits for the one before). */
  private readonly writes = new Map<string, Promise<void>>();
  /** Per file: the value its last write stored (undefined: removed). */
  private readonly written = new Map<string, unknown>();

  private constructor(
    private readonly folder: HistoryFolder,
    private readonly state: KeyValueStore,
    private readonly prefix: string,
  ) {}

  /**
   * Reads the conversations `ids` lists (each key is `prefix` + id) from `folder`, or from `state`
   * where no file has one yet. A file that cannot be read or parsed falls back to `state` too.
   */
  static async open(folder: HistoryFolder, state: KeyValueStore, prefix: string, ids: readonly string[]): Promise<FileBackedHistory> {
    const history = new FileBackedHistory(folder, state, prefix);
    await Promise.all(
      ids.map(async (id) => {
        const key = `${prefix}${id}`;
        const text = await folder.read(historyFileName(key, prefix)).catch(() => undefined);
        const fromFile = text === undefined ? undefined : parseJson(text);
        const inState = state.get(key);
        if (fromFile !== undefined) {
          history.values.set(key, fromFile);
          // A move that wrote the file but did not get to remove the old copy: remove it now.
          if (inState !== undefined) void Promise.resolve(state.update(key, undefined)).catch(() => undefined);
        } else if (inState !== undefined) {
          history.values.set(key, inState);
          // In the background; a move that fails leaves the copy in `state`, read again next time.
          history.update(key, inState).catch(() => undefined);
        }
      }),
    );
    return history;
  }

  get(key: string): unknown {
    return key.startsWith(this.prefix) ? this.values.get(key) : this.state.get(key);
  }

  /**
   * Stores `value` (undefined removes the key). For a conversation: resolves once its file holds this
   * value or a later one; rejects when that write failed. Writes of one file go one after the other,
   * each storing the latest value, so a value overtaken while waiting is never written.
   */
  update(key: string, value: unknown): Promise<void> {
    if (!key.startsWith(this.prefix)) return Promise.resolve(this.state.update(key, value));
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    const name = historyFileName(key, this.prefix);
    const write = (this.writes.get(name) ?? Promise.resolve()).catch(() => undefined).then(() => this.write(name, key));
    this.writes.set(name, write);
    const done = (): void => {
      if (this.writes.get(name) === write) this.writes.delete(name);
    };
    write.then(done, done);
    return write;
  }

  /** Writes (or removes) the file unless it holds the latest value already, then removes a copy left in `state` by an earlier version. */
  private async write(name: string, key: string): Promise<void> {
    const value = this.values.get(key);
    if (this.written.has(name) && this.written.get(name) === value) return;
    if (value === undefined) await this.folder.remove(name);
    else await this.folder.write(name, JSON.stringify(value));
    this.written.set(name, value);
    if (this.state.get(key) !== undefined) await this.state.update(key, undefined);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
