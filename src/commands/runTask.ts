// One selection command from start to finish: selection → request → answer placed in the editor.
import * as vscode from 'vscode';
import * as z from 'zod';
import { PredictionGuardError } from '../api/errors';
import { buildRequest } from '../api/parameters';
import { type ParsedAnswer } from '../api/parseResponse';
import { destinationFor } from '../core/placementText';
import { TASKS, taskInput, type TaskId } from '../core/tasks';
import { placeAnswer, type PlacementResult } from '../editor/answerPlacer';
import { InFlightTargets, targetKey } from '../editor/inFlight';
import { PinnedTarget } from '../editor/pinnedTarget';
import { selectionContext } from '../editor/selectionContext';
import { showError } from '../ui/showError';
import { connect, pickModel, type Services } from './services';

const inFlight = new InFlightTargets();

/**
 * Optional command arguments, e.g. from a keybinding: `{ "question": "Is this thread-safe?" }` for Ask.
 * Menus pass other things (the file's URI): anything that is not this shape is ignored.
 */
const TaskArgsSchema = z.object({ question: z.string().trim().min(1).optional() });
export type TaskArgs = z.infer<typeof TaskArgsSchema>;

export function taskArgs(raw: unknown): TaskArgs {
  const parsed = TaskArgsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

async function askQuestion(): Promise<string | undefined> {
  const question = await vscode.window.showInputBox({
    title: 'Prediction Guard: Ask About Selection',
    prompt: 'What do you want to know about the selected code?',
    placeHolder: 'e.g. Why does this loop never end?',
    ignoreFocusOut: true,
  });
  return question?.trim() ? question.trim() : undefined;
}

function usageLine(answer: ParsedAnswer, ms: number): string {
  const usage = answer.usage;
  const tokens = usage ? `, ${usage.input_tokens ?? '?'} in / ${usage.output_tokens ?? '?'} out tokens` : '';
  return `Answer ${answer.id ?? ''} from ${answer.model ?? 'model'} in ${ms} ms${tokens}${answer.incomplete ? ' (incomplete)' : ''}`;
}

function emptyAnswerError(answer: ParsedAnswer): PredictionGuardError {
  if (answer.refusal) return new PredictionGuardError('badResponse', `The model declined: ${answer.refusal}`);
  const calls = answer.functionCalls.length + answer.mcpCalls.length;
  return new PredictionGuardError(
    'badResponse',
    calls
      ? `The model answered with ${calls} tool call(s) and no text, so there is nothing to insert. Check the tools in your settings.`
      : `The model's answer${answer.id ? ` (${answer.id})` : ''} has no text, so nothing was inserted. Try again.`,
    [{ kind: 'showLog' }],
  );
}

export async function runTask(task: TaskId, services: Services, args: TaskArgs = {}): Promise<PlacementResult | undefined> {
  const spec = TASKS[task];
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(`Open a file and select some code, then run “Prediction Guard: ${spec.title}”.`);
    return undefined;
  }
  // With several selections (multi-cursor), only the primary one is sent and replaced.
  const selection = editor.selection;
  if (selection.isEmpty || editor.document.getText(selection).trim() === '') {
    void vscode.window.showInformationMessage(
      `Select the code first: “${spec.title}” sends only the selected text to Prediction Guard, never the whole file.`,
    );
    return undefined;
  }
  const key = targetKey(editor.document.uri.toString(), editor.document.offsetAt(selection.start), editor.document.offsetAt(selection.end));
  if (!inFlight.claim(key)) {
    void vscode.window.showInformationMessage('Prediction Guard is already working on this selection; its answer will be placed once.');
    return undefined;
  }
  if (editor.selections.length > 1) {
    services.log.info(`${spec.title}: ${editor.selections.length} selections; only the primary one is sent.`);
  }
  const target = new PinnedTarget(editor.document, selection);
  const busy = services.statusBar.busy();
  try {
    const question = task === 'ask' ? (args.question ?? (await askQuestion())) : undefined;
    if (task === 'ask' && !question) return undefined;
    const connection = await connect(services);
    if (!connection) return undefined;
    const { client, settings, mcpAuthorizations } = connection;
    services.statusBar.update(settings);
    const model = settings.params.model || (await pickModel(client));
    if (!model) {
      void vscode.window.showInformationMessage('Prediction Guard needs a model. Run “Prediction Guard: Select Model” or set predictionGuard.model.');
      return undefined;
    }
    const body = buildRequest({ ...settings.params, model }, taskInput(task, selectionContext(editor, selection), question), mcpAuthorizations);
    services.log.trace(`request body: ${JSON.stringify(body, (key, value: unknown) => (key === 'authorization' ? '«redacted»' : value))}`);
    const started = Date.now();
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Prediction Guard: ${spec.progress} with ${model}…`, cancellable: true },
      async (progress, cancel) => {
        const abort = new AbortController();
        const subscription = cancel.onCancellationRequested(() => abort.abort());
        try {
          const answer = await client.createResponse(body, abort.signal, (retry) =>
            progress.report({ message: `${retry.reason}, retrying in ${Math.ceil(retry.delayMs / 1000)} s (${retry.retry} of ${retry.maxRetries})` }),
          );
          return cancel.isCancellationRequested ? undefined : answer;
        } finally {
          subscription.dispose();
        }
      },
    );
    if (!outcome) {
      services.log.info(`${spec.title}: cancelled; nothing was changed.`);
      return undefined;
    }
    services.log.info(usageLine(outcome, Date.now() - started));
    if (!outcome.text.trim()) throw emptyAnswerError(outcome);
    let destination = destinationFor(task, settings.placement);
    if (outcome.incomplete && (destination === 'replace' || destination === 'insertBelow')) {
      destination = 'newDocument';
      void vscode.window.showWarningMessage(
        'The answer was cut short (status “incomplete”, perhaps by Max output tokens), so it was opened in a new document instead of changing your code.',
      );
    }
    return await placeAnswer({ destination, answer: outcome.text, answerIsCode: spec.answerIsCode, target });
  } catch (error) {
    showError(error, services.log);
    return undefined;
  } finally {
    inFlight.release(key);
    busy.dispose();
    target.dispose();
  }
}
