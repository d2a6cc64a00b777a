/** The stand-in's mutable state: scripted behaviours per path and the recorded requests. */
import { EVENT_WAIT_MS } from './waits';
import { type Behaviour, ControlCommandSchema, type RecordedRequest, type ScriptablePath, describeZodError, scriptablePathOf } from './behaviours';

export type ScriptCommand = { path: string; behaviour: Behaviour };

/** Throws with a readable message when the command is invalid (unknown path, bad behaviour, wrong path for the kind). */
export function checkCommand(command: unknown): { key: ScriptablePath; behaviour: Behaviour } {
  const parsed = ControlCommandSchema.safeParse(command);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  const key = scriptablePathOf(parsed.data.path);
  if (key === undefined) throw new Error(`unscriptable path ${parsed.data.path}`);
  return { key, behaviour: parsed.data.behaviour };
}

export class Script {
  private readonly queues = new Map<ScriptablePath, Behaviour[]>();
  private readonly defaults = new Map<ScriptablePath, Behaviour>();
  private releaser = new AbortController();

  /** Aborted by the next `release()`: a behaviour's `delayMs` ends early then, and a stream held at `pauseAfterDeltas` goes on. */
  get released(): AbortSignal {
    return this.releaser.signal;
  }

  /** Ends the delay of every answer now held back by `delayMs`, so a test decides when it arrives. */
  release(): void {
    this.releaser.abort();
    this.releaser = new AbortController();
  }

  enqueue(path: string, behaviour: Behaviour): void {
    const { key, behaviour: b } = checkCommand({ path, behaviour });
    const queue = this.queues.get(key) ?? [];
    queue.push(b);
    this.queues.set(key, queue);
  }

  setDefault(path: string, behaviour: Behaviour): void {
    const { key, behaviour: b } = checkCommand({ path, behaviour });
    this.defaults.set(key, b);
  }

  /** The next queued behaviour, else the scripted default, else undefined (the built-in answer). */
  next(key: ScriptablePath): Behaviour | undefined {
    return this.queues.get(key)?.shift() ?? this.defaults.get(key);
  }

  reset(): void {
    this.queues.clear();
    this.defaults.clear();
    this.release();
  }
}

export class Recorder {
  private list: RecordedRequest[] = [];
  private nextId = 1;
  private readonly watchers = new Set<() => void>();

  record(entry: Omit<RecordedRequest, 'id'>): RecordedRequest {
    const recorded: RecordedRequest = { id: this.nextId++, ...entry };
    this.list.push(recorded);
    this.changed();
    return recorded;
  }

  /** Marks a recorded request as aborted by the client (its connection closed before the answer). */
  markAborted(entry: RecordedRequest): void {
    entry.aborted = true;
    this.changed();
  }

  /**
   * Resolves with the recordings once `condition` holds for them (checked now and on every new or
   * aborted request); rejects after `timeoutMs`, saying `what` was awaited.
   */
  waitFor(condition: (requests: RecordedRequest[]) => boolean, what: string, timeoutMs = EVENT_WAIT_MS): Promise<RecordedRequest[]> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const now = this.all();
        if (!condition(now)) return false;
        finish();
        resolve(now);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`the stand-in did not see ${what} within ${timeoutMs} ms (${this.list.length} requests recorded)`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.watchers.delete(check);
      };
      this.watchers.add(check);
      check();
    });
  }

  private changed(): void {
    for (const check of [...this.watchers]) check();
  }

  /** A snapshot copy, oldest first. */
  all(): RecordedRequest[] {
    return structuredClone(this.list);
  }

  reset(): void {
    this.list = [];
  }
}
