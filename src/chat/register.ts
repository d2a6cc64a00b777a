// Wires the sidebar chat: its view, its commands and what it listens to. Every piece is returned as
// a Disposable for context.subscriptions.
import * as vscode from 'vscode';
import { type Services } from '../commands/services';
import { onDidChangeSettings } from '../config/settings';
import { ChatController } from './chatController';
import { CHAT_VIEW_ID, ChatViewProvider } from './chatViewProvider';
import { ConversationStore } from './conversationStore';
import { EditorTracker } from './editorTracker';

export function registerChat(context: vscode.ExtensionContext, services: Services): vscode.Disposable[] {
  const store = new ConversationStore(context.workspaceState, {
    onWriteError: (error) => services.log.warn(`Chat: could not save the chat history: ${error instanceof Error ? error.message : String(error)}`),
  });
  const tracker = new EditorTracker();
  const controller = new ChatController(store, services, tracker);
  const provider = new ChatViewProvider(context.extensionUri, controller, services.log);
  return [
    tracker,
    controller,
    provider,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
    vscode.commands.registerCommand('predictionGuard.newChat', async () => {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
      controller.newChat();
    }),
    vscode.commands.registerCommand('predictionGuard.addSelectionToChat', () => controller.addSelection(vscode.window.activeTextEditor, true)),
    vscode.commands.registerCommand('predictionGuard.exportChat', () => controller.exportChat()),
    onDidChangeSettings(() => controller.settingsChanged()),
  ];
}
