// Every failure, whatever threw it, as the one view-neutral value the notification path and the chat
// both render. Pure.
import { PredictionGuardError, type ErrorAction } from '../api/errors';
import * as l10n from '../core/l10n';
import { type Failure } from './types';

/** The button label of each follow-up: the one table both views use. */
export function actionLabel(kind: ErrorAction['kind']): string {
  switch (kind) {
    case 'setApiKey':
      return l10n.t('Set API Key');
    case 'openSetting':
      return l10n.t('Open Setting');
    case 'showLog':
      return l10n.t('Show Log');
    default: {
      const never: never = kind;
      return never;
    }
  }
}

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
  return { kind: 'unexpected', message: l10n.t('Prediction Guard: unexpected error: {0}', message), actions: [{ kind: 'showLog' }] };
}

export function noKey(): Failure {
  return {
    kind: 'auth',
    message: l10n.t('Prediction Guard needs an API key to answer. Set one with “Set API Key”, then try again.'),
    actions: [{ kind: 'setApiKey' }],
  };
}

export function noModel(): Failure {
  return {
    kind: 'config',
    message: l10n.t('Prediction Guard needs a model. Run “Prediction Guard: Select Model” or set predictionGuard.model, then try again.'),
    actions: [{ kind: 'openSetting', setting: 'predictionGuard.model' }],
  };
}

/** The rate-limit or server-failure wait, in words: "rate limited (429), retrying in 2 s (1 of 2)". */
export function retryText(notice: { readonly reason: string; readonly delayMs: number; readonly retry: number; readonly maxRetries: number }): string {
  return l10n.t('{0}, retrying in {1} s ({2} of {3})', notice.reason, Math.ceil(notice.delayMs / 1000), notice.retry, notice.maxRetries);
}
