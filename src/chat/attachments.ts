// What a message can carry besides its text: editor selections (pinned, so Replace Selection can
// tell when the user changed them) and one image from a file picker, as a base64 data URL.
import * as vscode from 'vscode';
import { PinnedTarget } from '../editor/pinnedTarget';
import { selectionContext } from '../editor/selectionContext';
import { type ImageAttachment, type SelectionAttachment } from './conversation';

export interface PinnedSelection {
  readonly attachment: SelectionAttachment;
  readonly pin: PinnedTarget;
}

/** The editor's (primary) selection as an attachment, or undefined when it is empty. */
export function selectionAttachment(editor: vscode.TextEditor, id: string): PinnedSelection | undefined {
  const selection = editor.selection;
  const text = editor.document.getText(selection);
  if (selection.isEmpty || text.trim() === '') return undefined;
  const context = selectionContext(editor, selection);
  return {
    attachment: {
      kind: 'selection',
      id,
      file: context.fileName,
      language: context.languageId,
      startLine: context.startLine,
      endLine: context.endLine,
      text,
    },
    pin: new PinnedTarget(editor.document, selection, text),
  };
}

/** Largest image sent: base64 makes it a third bigger, and the whole body goes in one request. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

export interface PickedImage {
  readonly attachment: ImageAttachment;
  readonly dataUrl: string;
}

/** Asks for an image file; undefined when the user cancels. Throws a readable Error when it cannot be used. */
export async function pickImage(id: string): Promise<PickedImage | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Prediction Guard: attach an image (for vision models)'),
    openLabel: vscode.l10n.t('Attach Image'),
    canSelectMany: false,
    filters: { Images: Object.keys(IMAGE_TYPES) },
  });
  const uri = picked?.[0];
  if (!uri) return undefined;
  const name = uri.path.split('/').pop() ?? 'image';
  const mime = IMAGE_TYPES[name.split('.').pop()?.toLowerCase() ?? ''];
  if (!mime) throw new Error(`${name} is not a PNG, JPEG, GIF or WebP image.`);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.byteLength > MAX_IMAGE_BYTES) {
    throw new Error(`${name} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; images up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB can be attached.`);
  }
  return {
    attachment: { kind: 'image', id, name, mime, bytes: bytes.byteLength },
    dataUrl: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`,
  };
}
