// VS Code side of the tool loop: the workspace tools over `vscode.workspace.fs`, and for Ask About
// Selection (which has no chat view) consent by modal dialog and typed results by input box.
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { type Consent, type ToolCall } from './loop';
import { type ToolHooks } from './sessionLoop';
import type * as WorkspaceRunner from './workspaceRunner';

let runner: typeof WorkspaceRunner | undefined;

/** The tools' implementation, loaded on first use: in the bundle `./workspaceRunner` is dist/tools.js (see esbuild.mjs). */
function loadRunner(): typeof WorkspaceRunner {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  runner ??= require('./workspaceRunner') as typeof WorkspaceRunner;
  return runner;
}

/**
 * precheck and runTool for one turn. The implementation is loaded, and the folders and files.exclude
 * read, at the turn's first tool call: a turn the model answers without tools never loads it.
 */
export function workspaceToolHooks(exclude: readonly string[]): Pick<ToolHooks, 'precheck' | 'runTool'> {
  let tools: WorkspaceRunner.WorkspaceTools | undefined;
  const get = (): WorkspaceRunner.WorkspaceTools => {
    if (!tools) {
      const { WorkspaceTools, vscodeWorkspaceAccess } = loadRunner();
      tools = new WorkspaceTools(vscodeWorkspaceAccess(), exclude);
    }
    return tools;
  };
  return {
    precheck: (call) => get().precheck(call.name, call.arguments),
    runTool: (call, signal) => get().run(call.name, call.arguments, signal),
  };
}

/** Resolves with `promise`, or with `fallback` as soon as `signal` aborts. */
function unlessAborted<T>(promise: Thenable<T>, signal: AbortSignal, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const onAbort = (): void => resolve(fallback);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      () => resolve(fallback),
    );
  });
}

/** Consent as a modal dialog: "Allow", "Allow for This Session", "Deny" (closing it denies). */
export function dialogConsent(call: ToolCall, signal: AbortSignal): Promise<Consent> {
  const allow = vscode.l10n.t('Allow');
  const allowSession = vscode.l10n.t('Allow for This Session');
  const choice = vscode.window.showInformationMessage(
    vscode.l10n.t('Prediction Guard: the model wants to {0}', call.description.replace(/`/g, '')),
    {
      modal: true,
      detail: vscode.l10n.t(
        'Tool {0} with arguments {1}. What it returns is sent to your Prediction Guard deployment with the next request.',
        call.name,
        call.arguments || '{}',
      ),
    },
    allow,
    allowSession,
    vscode.l10n.t('Deny'),
  );
  return unlessAborted(
    choice.then((picked) => (picked === allow ? 'allow' : picked === allowSession ? 'allowChat' : 'deny')),
    signal,
    'deny',
  );
}

/** A call to one of the user's functions: the result typed in an input box; undefined when dismissed. */
export function inputBoxResult(call: ToolCall, signal: AbortSignal): Promise<string | undefined> {
  const source = new vscode.CancellationTokenSource();
  signal.addEventListener('abort', () => source.cancel(), { once: true });
  const typed = vscode.window.showInputBox(
    {
      title: vscode.l10n.t('Prediction Guard: the model called your function {0}', call.name),
      // The model's arguments: the prompt renders `[text](command:…)` as a link that runs the command.
      prompt: vscode.l10n.t('Arguments: {0}. Type the result to send back (Escape declines).', inert(call.arguments || '{}')),
      ignoreFocusOut: true,
    },
    source.token,
  );
  return unlessAborted(typed, signal, undefined).finally(() => source.dispose());
}
