// Wires the sidebar chat: its view, its commands and what it listens to. Every piece is returned as
// a Disposable for context.subscriptions. The history is read on the chat's first use (the view shown,
// or a chat command), not at activation; the view and the commands wait for it.
import * as vscode from 'vscode';
import { type Session } from '../session/session';
import { ChatController } from './chatController';
import { CHAT_VIEW_ID, ChatViewProvider } from './chatViewProvider';
import { CONVERSATION_KEY_PREFIX, ConversationStore, indexedIds } from './conversationStore';
import { EditorTracker } from './editorTracker';
import type * as HistoryStorage from './historyStorage';

interface Chat {
  readonly store: ConversationStore;
  readonly controller: ChatController;
}

async function openChat(context: vscode.ExtensionContext, session: Session, tracker: EditorTracker): Promise<Chat> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { historyStorage } = require('./historyStorage') as typeof HistoryStorage;
  const storage = await historyStorage(context, CONVERSATION_KEY_PREFIX, indexedIds(context.workspaceState));
  const store = new ConversationStore(storage, {
    onWriteError: (error) => session.log.warn(`Chat: could not save the chat history: ${error instanceof Error ? error.message : String(error)}`),
    policy: () => ({
      keep: session.settings.chatKeepHistory,
      max: session.settings.chatMaxConversations,
      retentionDays: session.settings.chatHistoryRetentionDays,
    }),
  });
  return { store, controller: new ChatController(store, session, tracker) };
}

/**
 * The chat's view and commands. `beforeClose` gets what a closing window should wait for (the
 * extension's deactivate): the history's writes under way.
 */
export function registerChat(context: vscode.ExtensionContext, session: Session, beforeClose: (wait: () => Promise<void>) => void): vscode.Disposable[] {
  const tracker = new EditorTracker();
  let chat: Promise<Chat> | undefined;
  const opened = (): Promise<Chat> => (chat ??= openChat(context, session, tracker));
  const controller = async (): Promise<ChatController> => (await opened()).controller;
  const provider = new ChatViewProvider(context.extensionUri, controller, session.log);
  beforeClose(async () => {
    if (chat) await (await chat).store.flush();
  });
  return [
    tracker,
    provider,
    // Disposed with the extension, also when the history was still being read.
    new vscode.Disposable(() => void chat?.then((c) => c.controller.dispose())),
    vscode.window.registerWebviewViewProvider(CHAT_VIEW_ID, provider),
    vscode.commands.registerCommand('predictionGuard.newChat', async () => {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
      (await controller()).newChat();
    }),
    vscode.commands.registerCommand('predictionGuard.focusChat', async () => {
      await vscode.commands.executeCommand(`${CHAT_VIEW_ID}.focus`);
      (await controller()).focusComposer();
    }),
    vscode.commands.registerCommand('predictionGuard.addSelectionToChat', async () => {
      const editor = vscode.window.activeTextEditor;
      return (await controller()).addSelection(editor, true);
    }),
    vscode.commands.registerCommand('predictionGuard.exportChat', async () => (await controller()).exportChat()),
    vscode.commands.registerCommand('predictionGuard.clearAllChats', async () => (await controller()).clearAllChats()),
    session.onDidChangeSettings(() => {
      // Only a chat in use has settings to follow; one opened later reads them then.
      void chat?.then(({ store, controller }) => {
        store.policyChanged();
        controller.settingsChanged();
      });
    }),
  ];
}
