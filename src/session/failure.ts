// Every failure, whatever threw it, as the one view-neutral value the notification path and the chat
// both render. Pure.
import { PredictionGuardError, type ErrorAction } from '../api/errors';
import { type Failure } from './types';

/** The button label of each follow-up: the one table both views use. */
export const ACTION_LABELS: Readonly<Record<ErrorAction['kind'], string>> = {
  setApiKey: 'Set API Key',
  openSetting: 'Open Setting',
  showLog: 'Show Log',
};

/** Thrown by secret storage wrappers; recognised by name so this module stays free of `vscode`. */
function isSecretStorageError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'SecretStorageError';
}

export function failureOf(error: unknown): Failure {
  if (error instanceof PredictionGuardError) {
    return { kind: error.kind, message: error.message, actions: [...error.actions], ...(error.safeguard ? { safeguard: error.safeguard } : {}) };
  }
  if (isSecretStorageError(error)) return { kind: 'config', message: error.message, actions: [] };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unexpected', message: `Prediction Guard: unexpected error: ${message}`, actions: [{ kind: 'showLog' }] };
}

export const NO_KEY: Failure = {
  kind: 'auth',
  message: 'Prediction Guard needs an API key to answer. Set one with “Set API Key”, then try again.',
  actions: [{ kind: 'setApiKey' }],
};

export const NO_MODEL: Failure = {
  kind: 'config',
  message: 'Prediction Guard needs a model. Run “Prediction Guard: Select Model” or set predictionGuard.model, then try again.',
  actions: [{ kind: 'openSetting', setting: 'predictionGuard.model' }],
};

/** The rate-limit or server-failure wait, in words: "rate limited (429), retrying in 2 s (1 of 2)". */
export function retryText(notice: { readonly reason: string; readonly delayMs: number; readonly retry: number; readonly maxRetries: number }): string {
  return `${notice.reason}, retrying in ${Math.ceil(notice.delayMs / 1000)} s (${notice.retry} of ${notice.maxRetries})`;
}
