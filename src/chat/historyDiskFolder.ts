// The chat history's folder on the local disk (node:fs), readable by the user only: the folder
// 0o700, each file 0o600 (set at creation, so no moment where another user could read it). A file
// is written whole: to a temporary name with the private mode, then renamed over the old one.
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type HistoryFolder } from './historyFiles';

export const HISTORY_FILE_MODE = 0o600;
export const HISTORY_FOLDER_MODE = 0o700;

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

export function diskHistoryFolder(root: string): HistoryFolder {
  let privateFolder = false;
  const ensureFolder = async (): Promise<void> => {
    await mkdir(root, { recursive: true, mode: HISTORY_FOLDER_MODE });
    if (privateFolder) return;
    // A folder made by an earlier version (with the default mode) is made private too.
    await chmod(root, HISTORY_FOLDER_MODE).catch(() => undefined);
    privateFolder = true;
  };
  return {
    async read(name) {
      try {
        return await readFile(join(root, name), 'utf8');
      } catch (error) {
        if (code(error) === 'ENOENT') return undefined;
        throw error;
      }
    },
    async write(name, text) {
      await ensureFolder();
      const temporary = join(root, `${name}.${randomUUID()}.tmp`);
      try {
        await writeFile(temporary, text, { mode: HISTORY_FILE_MODE, flag: 'wx' });
        await rename(temporary, join(root, name));
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined);
        throw error;
      }
    },
    remove: (name) => rm(join(root, name), { force: true }),
  };
}
