// The API key, kept only in VS Code's SecretStorage (the OS keychain on the desktop).
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { Disposable } from '../util/dispose';
import { bounded, BoundedWaitError } from '../core/bounded';
import { KeyBinding, type OriginChoice } from './keyBinding';

const KEY = 'predictionGuard.apiKey';
/** A SecretStorage call that has not answered by then is treated as failed: no plaintext fallback. */
const SECRET_STORAGE_TIMEOUT_MS = 10_000;

export class SecretStorageError extends Error {
  override readonly name = 'SecretStorageError';
}

async function guarded<T>(operation: Thenable<T>, what: string): Promise<T> {
  try {
    return await bounded(
      operation,
      SECRET_STORAGE_TIMEOUT_MS,
      `VS Code's secret storage did not answer while ${what}. The API key is kept nowhere else; try again, or restart VS Code.`,
    );
  } catch (error) {
    if (error instanceof BoundedWaitError) throw new SecretStorageError(error.message);
    throw new SecretStorageError(`VS Code's secret storage failed while ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export class TokenStore extends Disposable {
  private readonly changed = this._register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  /**
   * The key as last read, so a command does not wait on secret storage (a round trip to the
   * workbench, and in a browser to its storage) every time. Dropped on every change, here or in
   * another window.
   */
  private cached: Promise<string | undefined> | undefined;
  /** The origins the key may be sent to. */
  private readonly binding: KeyBinding;

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
    this.binding = new KeyBinding(secrets);
    // A key set or cleared in another window is used from the next request on.
    this._register(
      secrets.onDidChange((event) => {
        if (event.key !== KEY) return;
        this.cached = undefined;
        this.changed.fire();
      }),
    );
  }

  get(): Promise<string | undefined> {
    this.cached ??= guarded(this.secrets.get(KEY), 'reading the API key').then(
      (value) => (value?.trim() ? value.trim() : undefined),
      (error: unknown) => {
        this.cached = undefined; // a failed read is tried again next time
        throw error;
      },
    );
    return this.cached;
  }

  /** Stores the key, bound to `baseUrl`'s origin alone (or, without one, to the base URL of its first use). */
  async set(token: string, baseUrl?: string): Promise<void> {
    this.cached = undefined;
    await guarded(this.secrets.store(KEY, token.trim()), 'storing the API key');
    await guarded(this.binding.bindOnly(baseUrl), 'storing the API key');
    this.cached = undefined;
  }

  /** The stored key when it may be sent to `baseUrl` without asking (its origin is bound); never asks. */
  async getFor(baseUrl: string): Promise<string | undefined> {
    const token = await this.get();
    return token && (await guarded(this.binding.allowedWithoutAsking(baseUrl), 'reading the API key')) ? token : undefined;
  }

  async clear(): Promise<void> {
    this.cached = undefined;
    await guarded(this.secrets.delete(KEY), 'deleting the API key');
    await guarded(this.binding.bindOnly(undefined), 'deleting the API key');
    this.cached = undefined;
  }

  /** Asks for the key with a masked input box and stores it. Undefined when the user cancels. */
  async ask(baseUrl: string, reason?: string): Promise<string | undefined> {
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Prediction Guard API key'),
      // An input box's prompt renders `[text](command:…)` as a link that runs the command: values inert.
      prompt: `${reason ? `${inert(reason)} ` : ''}${vscode.l10n.t("Enter your Prediction Guard API key. It is kept in VS Code's secret storage and sent only to {0}.", inert(baseUrl))}`,
      password: true,
      ignoreFocusOut: true,
      placeHolder: vscode.l10n.t('API key'),
      validateInput: (value) =>
        value.trim().length === 0
          ? vscode.l10n.t('The API key cannot be empty.')
          : /\s/.test(value.trim())
            ? vscode.l10n.t('An API key has no spaces.')
            : undefined,
    });
    if (token === undefined || token.trim().length === 0) return undefined;
    await this.set(token, baseUrl);
    return token.trim();
  }

  /**
   * The stored key when it may go to `baseUrl` (a new origin is confirmed in a modal first), or —
   * when there is none, or the user sets one for this host — the one the user enters now.
   */
  async getOrAsk(baseUrl: string): Promise<string | undefined> {
    const token = await this.get();
    if (!token) return this.ask(baseUrl, 'No API key is set yet.');
    const decision = await this.binding.decide(baseUrl, askToSendKey);
    if (decision === 'send') return token;
    return decision === 'setKey' ? this.ask(baseUrl) : undefined;
  }
}

/** The modal that asks before the key goes to an origin it was not set for. */
async function askToSendKey(origin: string): Promise<OriginChoice> {
  const allow = vscode.l10n.t('Allow');
  const setKey = vscode.l10n.t('Set a key for this host');
  const picked = await vscode.window.showWarningMessage(
    vscode.l10n.t('Send your API key to {0}?', origin),
    { modal: true, detail: vscode.l10n.t('The base URL now points to {0}, which your Prediction Guard API key was not set for.', origin) },
    allow,
    setKey,
  );
  return picked === allow ? 'allow' : picked === setKey ? 'setKey' : undefined;
}
