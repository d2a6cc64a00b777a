// Wires the sidebar chat: its view, its commands and what it listens to. Every piece is returned as
// a Disposable for context.subscriptions. The history is read when the extension starts (without
// holding up its activation); the view and the commands wait for it.
import * as vscode from 'vscode';
import { type Session } from '../session/session';
import { ChatController } from './chatController';
import { CHAT_VIEW_ID, ChatViewProvider } from './chatViewProvider';
import { CONVERSATION_KEY_PREFIX, ConversationStore, indexedIds, type KeyValueStore } from './conversationStore';
import { EditorTracker } from './editorTracker';
import { FileBackedHistory } from './historyFiles';
import { historyFolder } from './historyFolder';

interface Chat {
  readonly store: ConversationStore;
  readonly controller: ChatController;
}

/**
 * The history's storage: conversations in files of the workspace storage folder, the rest in
 * workspace state; workspace state alone in a window without a folder (VS Code gives it no folder).
 */
async function historyStorage(context: vscode.ExtensionContext): Promise<KeyValueStore> {
  const state = context.workspaceState;
  if (!context.storageUri) return state;
  const folder = historyFolder(vscode.Uri.joinPath(context.storageUri, 'chat'));
  return FileBackedHistory.open(folder, state, CONVERSATION_KEY_PREFIX, indexedIds(state));
}

async function openChat(context: vscode.ExtensionContext, session: Session, tracker: EditorTracker): Promise<Chat> {
  const store = new ConversationStore(await historyStorage(context), {
    onWriteError: (error) => session.log.warn(`Chat: could not save the chat history: ${error instanceof Error ? error.message : String(error)}`),
    policy: () => ({ keep: session.settings.chatKeepHistory, max: session.settings.chatMaxConversations }),
  });
  return { store, controller: new ChatController(store, session, tracker) };
}

export function registerChat(context: vscode.ExtensionContext, session: Session): vscode.Disposable[] {
  const tracker = new EditorTracker();
  const chat = openChat(context, session, tracker);
  const controller = chat.then((c) => c.controller);
  const provider = new ChatViewProvider(context.extensionUri, controller, session.log);
  const withController = (run: (controller: ChatController) => unknown) => async (): Promise<unknown> => run(await controller);
  return [
    tracker,
    provider,
    // Disposed with the extension, also when the history was still being read.
    new vscode.Disposable(() => void controller.then((c) => c.dispose())),
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
    vscode.commands.registerCommand('predictionGuard.newChat', async () => {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
      (await controller).newChat();
    }),
    vscode.commands.registerCommand('predictionGuard.focusChat', async () => {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
      (await controller).focusComposer();
    }),
    vscode.commands.registerCommand('predictionGuard.addSelectionToChat', async () => {
      const editor = vscode.window.activeTextEditor;
      return (await controller).addSelection(editor, true);
    }),
    vscode.commands.registerCommand(
      'predictionGuard.exportChat',
      withController((c) => c.exportChat()),
    ),
    vscode.commands.registerCommand(
      'predictionGuard.clearAllChats',
      withController((c) => c.clearAllChats()),
    ),
    session.onDidChangeSettings(() => {
      void chat.then(({ store, controller }) => {
        store.policyChanged();
        controller.settingsChanged();
      });
    }),
  ];
}
