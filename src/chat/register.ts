// Wires the sidebar chat: its view, its commands and what it listens to. Every piece is returned as
// a Disposable for context.subscriptions.
import * as vscode from 'vscode';
import { type Session } from '../session/session';
import { ChatController } from './chatController';
import { CHAT_VIEW_ID, ChatViewProvider } from './chatViewProvider';
import { ConversationStore } from './conversationStore';
import { EditorTracker } from './editorTracker';

export function registerChat(context: vscode.ExtensionContext, session: Session): vscode.Disposable[] {
  const store = new ConversationStore(context.workspaceState, {
    onWriteError: (error) => session.log.warn(`Chat: could not save the chat history: ${error instanceof Error ? error.message : String(error)}`),
    policy: () => ({ keep: session.settings.chatKeepHistory, max: session.settings.chatMaxConversations }),
  });
  const tracker = new EditorTracker();
  const controller = new ChatController(store, session, tracker);
  const provider = new ChatViewProvider(context.extensionUri, controller, session.log);
  return [
    tracker,
    controller,
    provider,
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
    vscode.commands.registerCommand('predictionGuard.newChat', async () => {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
      controller.newChat();
    }),
    vscode.commands.registerCommand('predictionGuard.focusChat', async () => {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
      controller.focusComposer();
    }),
    vscode.commands.registerCommand('predictionGuard.addSelectionToChat', () => controller.addSelection(vscode.window.activeTextEditor, true)),
    vscode.commands.registerCommand('predictionGuard.exportChat', () => controller.exportChat()),
    vscode.commands.registerCommand('predictionGuard.clearAllChats', () => controller.clearAllChats()),
    session.onDidChangeSettings(() => {
      store.policyChanged();
      controller.settingsChanged();
    }),
  ];
}
