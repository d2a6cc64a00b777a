// The chat history's storage, loaded on the chat's first use (dist/history.js, see esbuild.mjs):
// conversations in files of the workspace storage folder, the rest in workspace state; workspace
// state alone in a window without a folder (VS Code gives it no storage folder).
import * as vscode from 'vscode';
import { type KeyValueStore } from './conversationStore';
import { FileBackedHistory } from './historyFiles';
import { historyFolder } from './historyFolder';
import { diskHistoryFolder } from './historyDiskFolder';

export async function historyStorage(context: vscode.ExtensionContext, prefix: string, ids: readonly string[]): Promise<KeyValueStore> {
  const state = context.workspaceState;
  if (!context.storageUri) return state;
  const root = vscode.Uri.joinPath(context.storageUri, 'chat');
  // On the local disk: node:fs, so the files are the user's only (workspace.fs cannot set a mode).
  const folder = root.scheme === 'file' ? diskHistoryFolder(root.fsPath) : historyFolder(root);
  return FileBackedHistory.open(folder, state, prefix, ids);
}
