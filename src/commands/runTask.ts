// One selection command in the editor: gather the selection (and the question), run the task flow
// under a cancellable progress notification, place the answer at the pinned target.
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import * as z from 'zod/mini';
import '../util/zodEnglish';
import { taskAnswer, type LastAnswer } from '../core/factualityInput';
import { timingMarks } from '../core/timingMarks';
import { promptOverride, specFor, taskInput, type PromptChoice, type RunnableTask } from '../core/tasks';
import { placeAnswer, type PlacementResult } from '../editor/answerPlacer';
import { InFlightTargets, targetKey } from '../editor/inFlight';
import { PinnedTarget } from '../editor/pinnedTarget';
import { selectionContext } from '../editor/selectionContext';
import { type Session } from '../session/session';
import { dialogConsent, inputBoxResult, workspaceToolHooks } from '../tools/vscodeHooks';
import { withNotificationProgress } from '../ui/progress';
import { runTaskFlow, type TaskFlowRequest } from './taskFlow';

const inFlight = new InFlightTargets();

/** "Allow for This Session" in Ask About Selection's consent dialog: until the window closes. */
let askToolsAllowed = false;

/** Ask About Selection offers the workspace tools (off in Restricted Mode or when the setting says so). */
function askTools(session: Session): TaskFlowRequest['tools'] {
  const settings = session.settings;
  return {
    hooks: {
      ...workspaceToolHooks(settings.workspaceTools.exclude),
      consent: async (call, signal) => {
        const choice = await dialogConsent(call, signal);
        if (choice === 'allowChat') askToolsAllowed = true;
        return choice;
      },
      askResult: inputBoxResult,
      onCall: (record) =>
        session.log.info(`Ask About Selection: ${record.name} ${record.outcome} (${record.bytes} bytes, ${record.ms} ms): ${record.description}`),
    },
    options: { settings, allowedForChat: askToolsAllowed, warn: (line) => session.log.warn(line) },
  };
}

/**
 * Optional command arguments, e.g. from a keybinding: `{ "question": "Is this thread-safe?" }` for Ask.
 * Menus pass other things (the file's URI): anything that is not this shape is ignored.
 */
const TaskArgsSchema = z.object({ question: z.optional(z.string().check(z.trim(), z.minLength(1))) });
/** `prompt`: a custom prompt (or a built-in's replacement text) from Run Prompt on Selection. */
export type TaskArgs = z.infer<typeof TaskArgsSchema> & { readonly prompt?: PromptChoice };

export function taskArgs(raw: unknown): TaskArgs {
  const parsed = TaskArgsSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

async function askQuestion(): Promise<string | undefined> {
  const question = await vscode.window.showInputBox({
    title: vscode.l10n.t('Prediction Guard: Ask About Selection'),
    prompt: vscode.l10n.t('What do you want to know about the selected code?'),
    placeHolder: vscode.l10n.t('e.g. Why does this loop never end?'),
    ignoreFocusOut: true,
  });
  return question?.trim() ? question.trim() : undefined;
}

/** `lastAnswer` keeps Explain/Ask answers for “Check Factuality of Last Answer”. */
export async function runTask(task: RunnableTask, session: Session, args: TaskArgs = {}, lastAnswer?: LastAnswer): Promise<PlacementResult | undefined> {
  const spec = specFor(task, args.prompt);
  const mark = timingMarks((line) => session.log.trace(line), spec.title);
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file and select some code, then run “Prediction Guard: {0}”.', inert(spec.title)));
    return undefined;
  }
  // With several selections (multi-cursor), only the primary one is sent and replaced.
  const selection = editor.selection;
  if (selection.isEmpty || editor.document.getText(selection).trim() === '') {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Select the code first: “{0}” sends only the selected text to Prediction Guard, never the whole file.', inert(spec.title)),
    );
    return undefined;
  }
  const key = targetKey(editor.document.uri.toString(), editor.document.offsetAt(selection.start), editor.document.offsetAt(selection.end));
  if (!inFlight.claim(key)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Prediction Guard is already working on this selection; its answer will be placed once.'));
    return undefined;
  }
  if (editor.selections.length > 1) session.log.info(`${spec.title}: ${editor.selections.length} selections; only the primary one is sent.`);
  const target = new PinnedTarget(editor.document, selection);
  try {
    const question = task === 'ask' ? (args.question ?? (await askQuestion())) : undefined;
    if (task === 'ask' && !question) return undefined;
    const prompt = args.prompt ?? promptOverride(task, session.settings.prompts);
    const context = selectionContext(editor, selection);
    const input = taskInput(task, context, question, prompt?.text);
    const result = await withNotificationProgress(vscode.l10n.t('Prediction Guard: {0}…', spec.progress), (progress) => {
      mark('sending');
      return runTaskFlow(
        {
          send: (request) => session.send(request),
          // The progress closes when the answer is placed (a new document may take a moment).
          place: async (destination, text) => {
            mark('placing');
            const placed = await placeAnswer({
              destination,
              answer: text,
              answerIsCode: spec.answerIsCode,
              target,
              title: spec.title,
              review: session.settings.review,
            });
            mark('placed');
            return placed;
          },
          progress: (message) => progress.report(message),
          warn: (message) => void vscode.window.showWarningMessage(message),
          showFailure: (failure) => session.showFailure(failure),
          info: (line) => session.log.info(line),
          answered: (text) => lastAnswer?.recordTask(taskAnswer(task, context, text, question, prompt?.text)),
        },
        { task, input, signal: progress.signal, destination: prompt?.destination, tools: task === 'ask' ? askTools(session) : undefined },
      );
    });
    return result.status === 'placed' ? result.placement : undefined;
  } finally {
    inFlight.release(key);
    target.dispose();
  }
}
