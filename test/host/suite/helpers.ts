// Shared steps of the extension-host tests: the stand-in's control port, the extension's test API,
// scratch files in the real workspace, selections.
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { StandInControl, type RecordedRequest } from '../../server/controlClient';
import { PARAMETER_SETTING_KEYS } from '../../../src/config/parameterSettings';

export const EXTENSION_ID = 'predictionguard-community.prediction-guard';

export function env(name: string): string {
  const value = process.env[name];
  assert.ok(value, `${name} is not set: run this suite through test/host/runInCodeServer.ts or runInElectron.ts`);
  return value;
}

export const standIn = (): StandInControl => new StandInControl(env('PG_STANDIN_CONTROL_URL'));

interface TestApi {
  setApiKey(token: string): Promise<void>;
}

/** Activates the extension and stores the stand-in's token, as Set API Key would. */
export async function activateWithToken(): Promise<void> {
  const extension = vscode.extensions.getExtension<TestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  assert.ok(api, 'the extension exposes its test API in ExtensionMode.Test');
  await api.setApiKey(await standIn().token());
}

/** Writes `content` to a new file in the workspace and opens it in an editor. */
export async function openScratch(content: string, extension = 'ts'): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'scratch', `${randomUUID().slice(0, 8)}.${extension}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Selects whole lines `from`..`to` (0-based, inclusive) including the last line break. */
export function selectLines(editor: vscode.TextEditor, from: number, to: number): string {
  const end = to + 1 < editor.document.lineCount ? new vscode.Position(to + 1, 0) : editor.document.lineAt(to).range.end;
  editor.selection = new vscode.Selection(new vscode.Position(from, 0), end);
  return editor.document.getText(editor.selection);
}

/** The text of the first line of the user message the server received. */
export function userMessage(request: RecordedRequest | undefined): string {
  const body = request?.body as { input?: { role: string; content: string }[] } | undefined;
  const first = body?.input?.[0];
  assert.ok(first && typeof first.content === 'string', `the request has a user message: ${JSON.stringify(body)}`);
  assert.equal(first.role, 'user');
  return first.content;
}

export interface Placement {
  placed: string;
  uri: string;
  fallbackReason?: string;
}

export function documentFor(result: Placement | undefined): vscode.TextDocument {
  assert.ok(result, 'the command reported where it placed the answer');
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === result.uri);
  assert.ok(document, `the answer's document ${result.uri} is open`);
  return document;
}

export async function runCommand(id: string, args?: unknown): Promise<Placement | undefined> {
  return vscode.commands.executeCommand<Placement | undefined>(id, args);
}

/**
 * Resolves with the first value of `event` that `accept` takes, or with undefined as soon as
 * `already()` holds (checked once the listener is in place); rejects after `timeoutMs` with `what`.
 */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  accept: (value: T) => boolean,
  already: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const done = (finish: () => void): void => {
      clearTimeout(timer);
      listener.dispose();
      finish();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    const listener = event((value) => {
      if (accept(value)) done(() => resolve(value));
    });
    if (already()) done(() => resolve(undefined));
  });
}

/**
 * Sets `predictionGuard.<key>` in user settings and waits until the extension host sees it:
 * `update()` resolves when the file is written, a moment before `getConfiguration()` shows it, so
 * wait for the configuration change event that carries it.
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const section = `predictionGuard.${key}`;
  const shown = (): boolean => JSON.stringify(vscode.workspace.getConfiguration('predictionGuard').inspect(key)?.globalValue) === JSON.stringify(value);
  const changed = waitForEvent(
    vscode.workspace.onDidChangeConfiguration,
    (e) => e.affectsConfiguration(section) && shown(),
    shown,
    `${section} to become ${JSON.stringify(value)}`,
  );
  await vscode.workspace.getConfiguration('predictionGuard').update(key, value, vscode.ConfigurationTarget.Global);
  await changed;
}

/** Every `predictionGuard.*` setting a test may change; `useBaseline` resets them all (the model it sets itself). */
const SETTINGS_TESTS_CHANGE = ['placement', 'review', 'prompts', 'stream', ...PARAMETER_SETTING_KEYS.filter((key) => key !== 'model')];

/**
 * The state every suite test starts from, whatever ran before (the UI phase shares the user
 * settings): the extension active with the stand-in's key, model gpt-oss-120b, nothing else set,
 * no editor open.
 */
export async function useBaseline(settings: Readonly<Record<string, unknown>> = {}): Promise<void> {
  await activateWithToken();
  await resetSettings(SETTINGS_TESTS_CHANGE);
  if (vscode.workspace.getConfiguration('predictionGuard').inspect('model')?.globalValue !== 'gpt-oss-120b') await setSetting('model', 'gpt-oss-120b');
  for (const [key, value] of Object.entries(settings)) await setSetting(key, value);
  await closeAllEditors();
}

/** The baseline of the suites that check direct placement (review `apply`); review.test.ts covers the review. */
export const APPLY_DIRECTLY = { review: 'apply' } as const;

/** Resolves once the stand-in has recorded `count` requests whose path starts with `path`. */
export async function waitForRequests(count: number, path = ''): Promise<void> {
  await standIn().waitForRequests(count, path);
}

/** Resets every setting the tests change, in user settings. */
export async function resetSettings(keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    if (vscode.workspace.getConfiguration('predictionGuard').inspect(key)?.globalValue !== undefined) await setSetting(key, undefined);
  }
}

/** Closes every editor without a save prompt: dirty documents (answers, edited scratch files) are reverted first. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitForEvent(
    vscode.window.onDidChangeVisibleTextEditors,
    (editors) => editors.length === 0,
    () => vscode.window.visibleTextEditors.length === 0,
    'every editor to close',
  );
}

/**
 * A new untitled document holding `content`, under a name no earlier document had. (VS Code gives
 * `openTextDocument({ content })` the lowest free "Untitled-N" name, the one a document closed a
 * moment ago just freed, and then restores that closed document's hot-exit backup into the new one
 * when the backup's discard has not finished: the new document shows the old text.)
 */
export async function openUntitled(content: string, extension: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `pg-suite-${randomUUID().slice(0, 8)}.${extension}` }));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
  assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)));
  assert.equal(document.getText(), content);
  return editor;
}

export const fenced = (code: string, language = 'typescript'): string =>
  `Here is the result:\n\n\`\`\`${language}\n${code}\n\`\`\`\n\nThis keeps the behaviour.`;

/** Marks a mocha test as an injected fault: the runner counts it in the reliability figures. */
export function fault(test: Mocha.Test): Mocha.Test {
  (test as Mocha.Test & { fault?: boolean }).fault = true;
  return test;
}

export function isFault(test: Mocha.Runnable): boolean {
  return (test as Mocha.Runnable & { fault?: boolean }).fault === true;
}
