// The "Get Started with Prediction Guard" walkthrough: opens once after install, its sample file, and
// the `predictionGuard.hasApiKey` context key its key step (and the chat's welcome view) complete on.
import * as vscode from 'vscode';
import { type TokenStore } from '../secrets/tokenStore';
import { shouldOpenWalkthrough, WALKTHROUGH_SHOWN_KEY, walkthroughId } from './firstRun';

const HAS_API_KEY = 'predictionGuard.hasApiKey';

async function openSample(extensionUri: vscode.Uri): Promise<void> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'orders.py'));
  // An untitled copy: the user may select and change it freely, and nothing is written to disk.
  const document = await vscode.workspace.openTextDocument({ language: 'python', content: new TextDecoder().decode(bytes) });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const start = document.getText().indexOf('def order_total');
  const end = document.getText().indexOf('\n\n\ndef largest_order');
  if (start >= 0 && end > start) {
    editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(end));
    editor.revealRange(editor.selection);
  }
}

export function registerOnboarding(context: vscode.ExtensionContext, tokens: TokenStore): vscode.Disposable[] {
  const id = walkthroughId(context.extension.packageJSON as { publisher: string; name: string });
  const refreshKeyContext = async (): Promise<void> => {
    const hasKey = await tokens.get().then(
      (token) => token !== undefined,
      () => false,
    );
    await vscode.commands.executeCommand('setContext', HAS_API_KEY, hasKey);
  };
  void refreshKeyContext();
  const openOnInstall = vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true);
  if (shouldOpenWalkthrough({ alreadyShown: context.globalState.get<boolean>(WALKTHROUGH_SHOWN_KEY, false), openOnInstall })) {
    void context.globalState.update(WALKTHROUGH_SHOWN_KEY, true);
    void vscode.commands.executeCommand('workbench.action.openWalkthrough', id, false);
  }
  return [
    tokens.onDidChange(() => void refreshKeyContext()),
    vscode.commands.registerCommand('predictionGuard.openWalkthrough', () => vscode.commands.executeCommand('workbench.action.openWalkthrough', id, false)),
    vscode.commands.registerCommand('predictionGuard.openSample', () => openSample(context.extensionUri)),
  ];
}
