// The safety check commands: PII (diagnostics + replaced preview), prompt injection, toxicity,
// factuality of the last answer, clear. Thin: the checks are src/api/safety.ts, the words
// src/core/checkReport.ts, the offsets src/core/codePointOffsets.ts.
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { type OnRetry } from '../api/client';
import { PredictionGuardError } from '../api/errors';
import { checkFactuality, checkInjection, checkToxicity, detectPii, replacePii, type PiiEntity } from '../api/safety';
import { INJECTION_WARNING_THRESHOLD, factualitySummary, injectionSummary, piiDiagnosticMessage, piiSummary, toxicitySummary } from '../core/checkReport';
import { CodePointIndex, offsetFrom } from '../core/codePointOffsets';
import { factualityRequest } from '../core/factualityInput';
import { retryText } from '../session/failure';
import { CheckResults } from './checkResults';
import { chooseTarget, fileNameOf, type CheckTarget } from './checkTarget';
import { type SafetyConnection, type SafetyDeps } from './deps';
import { PreviewDocuments } from './previewDocuments';
import { withNotificationProgress } from '../ui/progress';

export const SAFETY_COMMANDS = {
  checkPii: 'predictionGuard.checkPii',
  previewRedaction: 'predictionGuard.previewRedaction',
  checkInjection: 'predictionGuard.checkInjection',
  checkToxicity: 'predictionGuard.checkToxicity',
  checkFactuality: 'predictionGuard.checkFactuality',
  clearChecks: 'predictionGuard.clearChecks',
} as const;

/** The button that opens the replaced preview. */
export const previewReplacedLabel = (): string => vscode.l10n.t('Preview Replaced');

/** What each command resolves to (for tests and callers); undefined when nothing was checked. */
export type PiiCheckResult = { readonly entities: readonly PiiEntity[]; readonly marked: number; readonly summary: string };
export type ScoreCheckResult = { readonly score: number; readonly summary: string };

class Cancelled extends Error {}

/** Runs `work` under a cancellable notification; resolves undefined when the user cancels. */
async function withCheckProgress<T>(title: string, work: (signal: AbortSignal, onRetry: OnRetry) => Promise<T>): Promise<T | undefined> {
  try {
    return await withNotificationProgress(vscode.l10n.t('Prediction Guard: {0}…', title), async (progress) => {
      const result = await work(progress.signal, (retry) => progress.report(retryText(retry)));
      if (progress.signal.aborted) throw new Cancelled();
      return result;
    });
  } catch (error) {
    if (error instanceof Cancelled || (error instanceof PredictionGuardError && error.kind === 'cancelled')) return undefined;
    throw error;
  }
}

function isUnchanged(target: CheckTarget): boolean {
  return !target.document.isClosed && target.document.version === target.version;
}

function changedMessage(title: string): void {
  void vscode.window.showWarningMessage(vscode.l10n.t('The file changed while it was being checked, so the results were not marked. Run “{0}” again.', title));
}

export function registerSafetyChecks(deps: SafetyDeps): vscode.Disposable[] {
  const results = new CheckResults();
  const previews = new PreviewDocuments();

  /** The common frame: target, connection, failures shown as requests show them. */
  async function run<T>(title: string, check: (target: CheckTarget, connection: SafetyConnection) => Promise<T | undefined>): Promise<T | undefined> {
    const target = await chooseTarget(title);
    if (!target) return undefined;
    return runOn(title, target, check);
  }

  async function runOn<T>(
    title: string,
    target: CheckTarget,
    check: (target: CheckTarget, connection: SafetyConnection) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    try {
      const connection = await deps.connect();
      if (!connection) return undefined;
      const result = await check(target, connection);
      if (result === undefined) deps.log.info(`${title}: cancelled.`);
      return result;
    } catch (error) {
      deps.showFailure(error);
      return undefined;
    }
  }

  const previewFor = (target: CheckTarget): Promise<string | undefined> =>
    runOn('Preview Selection with PII Replaced', target, async (t, { client, settings }) => {
      const { piiReplaceMethod, entityList } = settings.params.safeguards;
      const replaced = await withCheckProgress('replacing PII', (signal, onRetry) =>
        replacePii(client, t.text, piiReplaceMethod, { entityList, signal, onRetry }),
      );
      if (replaced === undefined) return undefined;
      const name = fileNameOf(t.document);
      await previews.showDiff(
        name,
        t.text,
        replaced,
        `${name}: ${t.wholeFile ? 'file' : 'selection'} ↔ as sent with PII replaced${piiReplaceMethod ? ` (${piiReplaceMethod})` : ''}`,
      );
      return replaced;
    });

  const checkPii = (): Promise<PiiCheckResult | undefined> =>
    run('Check Selection for PII', async (target, { client, settings }) => {
      const entities = await withCheckProgress('checking for PII', (signal, onRetry) =>
        detectPii(client, target.text, { entityList: settings.params.safeguards.entityList, signal, onRetry }),
      );
      if (entities === undefined) return undefined;
      if (!isUnchanged(target)) {
        changedMessage('Check Selection for PII');
        return { entities, marked: 0, summary: piiSummary(entities) };
      }
      const index = new CodePointIndex(target.text);
      const origin = { line: target.range.start.line, character: target.range.start.character };
      const diagnostics: vscode.Diagnostic[] = [];
      for (const entity of entities) {
        const range = index.range(entity.start, entity.end);
        if (!range) {
          deps.log.warn(`PII check: ${entity.type} at ${entity.start}..${entity.end} is outside the ${index.codePoints} characters sent; not marked.`);
          continue;
        }
        const start = offsetFrom(origin, range.start);
        const end = offsetFrom(origin, range.end);
        const diagnostic = new vscode.Diagnostic(
          new vscode.Range(start.line, start.character, end.line, end.character),
          piiDiagnosticMessage(entity.type),
          vscode.DiagnosticSeverity.Information,
        );
        diagnostic.code = entity.type;
        diagnostics.push(diagnostic);
      }
      results.set(target.document, 'pii', target.range, diagnostics);
      const none = target.wholeFile ? vscode.l10n.t('No PII found in the file.') : vscode.l10n.t('No PII found in the selection.');
      const summary = entities.length === 0 ? none : piiSummary(entities);
      const unplaced = entities.length - diagnostics.length;
      const note = unplaced > 0 ? vscode.l10n.t(' ({0} could not be placed; see the log)', unplaced) : '';
      deps.log.info(`PII check of ${fileNameOf(target.document)}: ${summary}`);
      if (entities.length === 0) void vscode.window.showInformationMessage(summary);
      else {
        const preview = previewReplacedLabel();
        void vscode.window.showInformationMessage(`${summary}${note}`, preview).then((picked) => {
          if (picked === preview) return previewFor(target);
          return undefined;
        });
      }
      return { entities, marked: diagnostics.length, summary };
    });

  const previewRedaction = async (): Promise<string | undefined> => {
    const target = await chooseTarget('Preview Selection with PII Replaced');
    return target ? previewFor(target) : undefined;
  };

  const injection = (): Promise<ScoreCheckResult | undefined> =>
    run('Check Selection for Prompt Injection', async (target, { client }) => {
      const probability = await withCheckProgress('checking for prompt injection', (signal, onRetry) =>
        checkInjection(client, target.text, { signal, onRetry }),
      );
      if (probability === undefined) return undefined;
      const summary = injectionSummary(probability);
      deps.log.info(`Prompt injection check of ${fileNameOf(target.document)}: ${summary}`);
      const flagged = probability >= INJECTION_WARNING_THRESHOLD;
      if (isUnchanged(target)) {
        const diagnostic = new vscode.Diagnostic(target.range, summary, vscode.DiagnosticSeverity.Warning);
        results.set(target.document, 'injection', target.range, flagged ? [diagnostic] : []);
      }
      void (flagged ? vscode.window.showWarningMessage(summary) : vscode.window.showInformationMessage(summary));
      return { score: probability, summary };
    });

  const toxicity = (): Promise<ScoreCheckResult | undefined> =>
    run('Check Selection for Toxicity', async (target, { client }) => {
      const score = await withCheckProgress('checking for toxicity', (signal, onRetry) => checkToxicity(client, target.text, { signal, onRetry }));
      if (score === undefined) return undefined;
      const summary = toxicitySummary(score);
      deps.log.info(`Toxicity check of ${fileNameOf(target.document)}: ${summary}`);
      void (score >= 0.5 ? vscode.window.showWarningMessage(summary) : vscode.window.showInformationMessage(summary));
      return { score, summary };
    });

  const factuality = async (): Promise<ScoreCheckResult | undefined> => {
    const last = deps.lastAnswer();
    if (!last) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'There is no answer to check yet: run “Explain Selection” or “Ask About Selection” first. Chat answers have their own “Check factuality” button.',
        ),
      );
      return undefined;
    }
    try {
      const connection = await deps.connect();
      if (!connection) return undefined;
      const score = await withCheckProgress('checking factuality', (signal, onRetry) =>
        checkFactuality(connection.client, factualityRequest(last), { signal, onRetry }),
      );
      if (score === undefined) return undefined;
      const summary = factualitySummary(score);
      deps.log.info(`Factuality of the last “${last.title}” answer: ${summary}`);
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} — the last “{1}” answer, compared with its code and question.', summary, inert(last.title)));
      return { score, summary };
    } catch (error) {
      deps.showFailure(error);
      return undefined;
    }
  };

  return [
    results,
    previews,
    vscode.commands.registerCommand(SAFETY_COMMANDS.checkPii, checkPii),
    vscode.commands.registerCommand(SAFETY_COMMANDS.previewRedaction, previewRedaction),
    vscode.commands.registerCommand(SAFETY_COMMANDS.checkInjection, injection),
    vscode.commands.registerCommand(SAFETY_COMMANDS.checkToxicity, toxicity),
    vscode.commands.registerCommand(SAFETY_COMMANDS.checkFactuality, factuality),
    vscode.commands.registerCommand(SAFETY_COMMANDS.clearChecks, () => results.clear()),
  ];
}
