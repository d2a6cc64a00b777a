// The chat history's folder in the extension's workspace storage, through workspace.fs (on the
// machine the extension runs on). A file is written whole: to a temporary name, then renamed.
import * as vscode from 'vscode';
import { type HistoryFolder } from './historyFiles';

function notFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

export function historyFolder(root: vscode.Uri): HistoryFolder {
  const fs = vscode.workspace.fs;
  const file = (name: string): vscode.Uri => vscode.Uri.joinPath(root, name);
  return {
    async read(name) {
      try {
        return new TextDecoder().decode(await fs.readFile(file(name)));
      } catch (error) {
        if (notFound(error)) return undefined;
        throw error;
      }
    },
    async write(name, text) {
      await fs.createDirectory(root); // no error when it exists; made again if it was removed
      const temporary = file(`${name}.${globalThis.crypto.randomUUID()}.tmp`);
      await fs.writeFile(temporary, new TextEncoder().encode(text));
      await fs.rename(temporary, file(name), { overwrite: true });
    },
    async remove(name) {
      try {
        await fs.delete(file(name));
      } catch (error) {
        if (!notFound(error)) throw error;
      }
    },
  };
}
