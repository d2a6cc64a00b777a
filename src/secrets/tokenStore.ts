// The API key, kept only in VS Code's SecretStorage (the OS keychain on the desktop).
import * as vscode from 'vscode';
import { Disposable } from '../util/dispose';
import { bounded, BoundedWaitError } from '../core/bounded';

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

  constructor(private readonly secrets: vscode.SecretStorage) {
    super();
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

  async set(token: string): Promise<void> {
    this.cached = undefined;
    await guarded(this.secrets.store(KEY, token.trim()), 'storing the API key');
    this.cached = undefined;
  }

  async clear(): Promise<void> {
    this.cached = undefined;
    await guarded(this.secrets.delete(KEY), 'deleting the API key');
    this.cached = undefined;
  }

  /** Asks for the key with a masked input box and stores it. Undefined when the user cancels. */
  async ask(baseUrl: string, reason?: string): Promise<string | undefined> {
    const token = await vscode.window.showInputBox({
      title: vscode.l10n.t('Prediction Guard API key'),
      prompt: `${reason ? `${reason} ` : ''}${vscode.l10n.t("Enter your Prediction Guard API key. It is kept in VS Code's secret storage and sent only to {0}.", baseUrl)}`,
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
    await this.set(token);
    return token.trim();
  }

  /** The stored key, or — when there is none — the one the user enters now. */
  async getOrAsk(baseUrl: string): Promise<string | undefined> {
    return (await this.get()) ?? this.ask(baseUrl, 'No API key is set yet.');
  }
}
