// Workspace state as VS Code keeps it (update(key, undefined) removes the key), for store tests.
import { CONVERSATION_KEY_PREFIX, type KeyValueStore } from '../../../src/chat/conversationStore';

export class MapState implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get(key: string): unknown {
    return structuredClone(this.values.get(key));
  }
  update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, structuredClone(value));
    return Promise.resolve();
  }
  conversationKeys(): string[] {
    return [...this.values.keys()].filter((key) => key.startsWith(CONVERSATION_KEY_PREFIX));
  }
}
