/** The stand-in's mutable state: scripted behaviours per path and the recorded requests. */
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
  }
}

export class Recorder {
  private list: RecordedRequest[] = [];
  private nextId = 1;

  record(entry: Omit<RecordedRequest, 'id'>): RecordedRequest {
    const recorded: RecordedRequest = { id: this.nextId++, ...entry };
    this.list.push(recorded);
    return recorded;
  }

  /** A snapshot copy, oldest first. */
  all(): RecordedRequest[] {
    return structuredClone(this.list);
  }

  reset(): void {
    this.list = [];
  }
}
