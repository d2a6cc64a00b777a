// A base class for long-lived objects: everything they subscribe to or create is `_register`ed and
// disposed with them, in reverse order. Pure: it works with anything that has `dispose()`, so the
// core can use it without importing `vscode` (markdown-language-features' util/dispose.ts shape).

export interface IDisposable {
  dispose(): void;
}

/** Disposes each item, going on when one throws; throws the first error afterwards. */
export function disposeAll(items: IDisposable[]): void {
  let first: unknown;
  while (items.length) {
    try {
      items.pop()?.dispose();
    } catch (error) {
      first ??= error;
    }
  }
  if (first !== undefined) throw first;
}

export abstract class Disposable implements IDisposable {
  private _isDisposed = false;
  private readonly _disposables: IDisposable[] = [];

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) return;
    this._isDisposed = true;
    disposeAll(this._disposables);
  }

  /** Keeps `value` until this object is disposed; disposes it at once when that has already happened. */
  protected _register<T extends IDisposable>(value: T): T {
    if (this._isDisposed) value.dispose();
    else this._disposables.push(value);
    return value;
  }
}

/** A disposable that runs `fn` once. */
export function toDisposable(fn: () => void): IDisposable {
  let done = false;
  return {
    dispose: () => {
      if (done) return;
      done = true;
      fn();
    },
  };
}
