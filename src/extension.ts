// Composition root: construct the session and the views, register each feature, push every disposable.
import * as vscode from 'vscode';
import { registerChat } from './chat/register';
import { registerCommands } from './commands/register';
import { useTranslator } from './core/l10n';
import { WorkspaceApproval } from './config/workspaceApproval';
import { createLog } from './log';
import { registerParametersPanel } from './panels/registerParameters';
import { LastAnswer } from './core/factualityInput';
import { registerSafetyChecks } from './safety/commands';
import { safetyDepsFromSession } from './safety/sessionAdapter';
import { PresetStore } from './panels/presetStore';
import { registerReviews } from './review/register';
import { registerOnboarding } from './onboarding/register';
import { McpSecrets } from './secrets/mcpSecrets';
import { TokenStore } from './secrets/tokenStore';
import { Session } from './session/session';
import { StatusBar } from './ui/statusBar';

/** Only in the extension test host (ExtensionMode.Test): lets the test suite store a key without the UI. */
export interface TestApi {
  setApiKey(token: string): Promise<void>;
}

/** What a closing window waits for (deactivate): the chat history's writes under way. */
const beforeClose: (() => Promise<void>)[] = [];

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  // First: pure modules translate through `vscode.l10n.t` from here on.
  context.subscriptions.push(useTranslator((message, ...args) => vscode.l10n.t(message, ...args)));
  const log = createLog();
  const tokens = new TokenStore(context.secrets);
  // Workspace values of instructions and tools wait for the user's Allow (remembered per workspace).
  const approval = new WorkspaceApproval(context.workspaceState);
  const session = new Session({ log, tokens, mcpSecrets: new McpSecrets(context.secrets), approval });
  // Explain/Ask answers are kept here as they complete, for “Check Factuality of Last Answer”.
  const lastAnswer = new LastAnswer();
  context.subscriptions.push(
    log,
    tokens,
    approval,
    session,
    new StatusBar(session),
    ...registerReviews(),
    ...registerCommands(session, lastAnswer),
    ...registerParametersPanel({ extensionUri: context.extensionUri, session, presets: new PresetStore(context.globalState) }),
    ...registerChat(context, session, (wait) => beforeClose.push(wait)),
    ...registerOnboarding(context, tokens),
    ...registerSafetyChecks(safetyDepsFromSession(session, lastAnswer)),
  );
  if (context.extensionMode === vscode.ExtensionMode.Test) {
    return { setApiKey: (token) => tokens.set(token) };
  }
  return undefined;
}

export async function deactivate(): Promise<void> {
  // Everything is disposed through context.subscriptions, after this: VS Code waits for it first.
  await Promise.all(beforeClose.splice(0).map((wait) => wait()));
}
