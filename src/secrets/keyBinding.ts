// Which hosts the API key may be sent to (no `vscode` import: unit-tested with a SecretStorage
// double). The key is bound to the origin(s) of the base URL(s) the user allowed it for, kept next
// to it in secret storage, as MCP authorizations are bound to their server URL (mcpSecrets.ts).
//
// A key stored by an earlier version (no origin recorded) is bound to the base URL of its first use.
// A base URL on another origin gets the key only after the user allows it there, or sets a new key
// (which is then bound to that origin alone).

/** The part of VS Code's SecretStorage this needs. */
export interface SecretsLike {
  get(key: string): Thenable<string | undefined>;
  store(key: string, value: string): Thenable<void>;
  delete(key: string): Thenable<void>;
}

export const ORIGINS_KEY = 'predictionGuard.apiKey.origins';

/** The origin (`https://host:port`) of `baseUrl`; the URL itself when it does not parse. */
export function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    return baseUrl;
  }
}

/** What the user chose when asked to send the key to a new origin; undefined when dismissed. */
export type OriginChoice = 'allow' | 'setKey' | undefined;

export class KeyBinding {
  constructor(private readonly secrets: SecretsLike) {}

  /** The origins the key is bound to; empty when none is recorded (a key of an earlier version). */
  async origins(): Promise<string[]> {
    const raw = await this.secrets.get(ORIGINS_KEY);
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter((o): o is string => typeof o === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Binds the key to `baseUrl`'s origin alone (a key set for this host), or to none (`undefined`). */
  async bindOnly(baseUrl: string | undefined): Promise<void> {
    if (baseUrl === undefined) await this.secrets.delete(ORIGINS_KEY);
    else await this.secrets.store(ORIGINS_KEY, JSON.stringify([originOf(baseUrl)]));
  }

  private async add(origins: readonly string[], baseUrl: string): Promise<void> {
    await this.secrets.store(ORIGINS_KEY, JSON.stringify([...origins, originOf(baseUrl)]));
  }

  /**
   * True when the stored key may be sent to `baseUrl`: its origin is bound, or no origin is recorded
   * yet (then it is bound now). Never asks.
   */
  async allowedWithoutAsking(baseUrl: string): Promise<boolean> {
    const origins = await this.origins();
    if (origins.length === 0) {
      await this.bindOnly(baseUrl);
      return true;
    }
    return origins.includes(originOf(baseUrl));
  }

  /**
   * Whether the stored key may go to `baseUrl`, asking the user when its origin is a new one.
   * 'allow' binds that origin too; 'setKey' means the caller asks for a new key for this host.
   */
  async decide(baseUrl: string, ask: (origin: string) => Thenable<OriginChoice>): Promise<'send' | 'setKey' | 'refused'> {
    if (await this.allowedWithoutAsking(baseUrl)) return 'send';
    const choice = await ask(originOf(baseUrl));
    if (choice === 'allow') {
      await this.add(await this.origins(), baseUrl);
      return 'send';
    }
    return choice === 'setKey' ? 'setKey' : 'refused';
  }
}
