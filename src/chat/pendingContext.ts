// What goes with the next message (selection chips, an image) and, per sent question, the selection
// it was about (pinned, for Replace Selection). Image bytes live here, in memory only, until their turn
// is answered.
import type * as vscode from 'vscode';
import { selectionAttachment } from './attachments';
import { type AskedAbout } from './codeActions';
import { attachmentLabel, type Attachment, type ImageAttachment } from './conversation';
import { ImageMemory } from './imageMemory';

/** Replace Selection works for the answers to this many recent questions (each pin follows its document's edits). */
const MAX_PINNED_TURNS = 20;

export class PendingContext implements vscode.Disposable {
  private pending: Attachment[] = [];
  private readonly pendingPins = new Map<string, AskedAbout>();
  private readonly turnPins = new Map<string, AskedAbout>();
  private readonly images = new ImageMemory();

  constructor(private readonly newId: () => string) {}

  attachments(): readonly Attachment[] {
    return this.pending;
  }

  /** Adds the editor's selection as a chip: false when there is no selection. */
  addSelection(editor: vscode.TextEditor | undefined): boolean {
    const added = editor ? selectionAttachment(editor, this.newId()) : undefined;
    if (!added) return false;
    const { attachment } = added;
    const duplicate = this.pending.some(
      (a) =>
        a.kind === 'selection' &&
        a.file === attachment.file &&
        a.startLine === attachment.startLine &&
        a.endLine === attachment.endLine &&
        a.text === attachment.text,
    );
    if (duplicate) {
      added.pin.dispose();
    } else {
      this.pending = [...this.pending, attachment];
      this.pendingPins.set(attachment.id, { pin: added.pin, label: attachmentLabel(attachment) });
    }
    return true;
  }

  /** Attaches an image (replacing an earlier one). */
  setImage(attachment: ImageAttachment, dataUrl: string): void {
    for (const old of this.pending) if (old.kind === 'image') this.images.delete(old.id);
    this.images.set(attachment.id, dataUrl);
    this.pending = [...this.pending.filter((a) => a.kind !== 'image'), attachment];
  }

  remove(id: string): void {
    this.pending = this.pending.filter((a) => a.id !== id);
    this.images.delete(id);
    this.pendingPins.get(id)?.pin.dispose();
    this.pendingPins.delete(id);
  }

  /**
   * Hands the attachments to a new turn and pins what its question is about: the first chip's
   * selection, else the selection in `editor` now.
   */
  take(turnId: string, editor: vscode.TextEditor | undefined): Attachment[] {
    const attachments = this.pending;
    // Images kept for a Retry of an earlier turn go now: only the new message's images stay in memory.
    this.images.sending(attachments);
    const chip = attachments.find((a) => a.kind === 'selection');
    const chipPin = chip ? this.pendingPins.get(chip.id) : undefined;
    for (const pinned of this.pendingPins.values()) if (pinned !== chipPin) pinned.pin.dispose();
    this.pendingPins.clear();
    this.pending = [];
    const fromEditor = chipPin ? undefined : editor ? selectionAttachment(editor, 'pin') : undefined;
    const pinned = chipPin ?? (fromEditor ? { pin: fromEditor.pin, label: attachmentLabel(fromEditor.attachment) } : undefined);
    if (pinned) {
      this.turnPins.set(turnId, pinned);
      for (const [id, old] of this.turnPins) {
        if (this.turnPins.size <= MAX_PINNED_TURNS) break;
        old.pin.dispose();
        this.turnPins.delete(id);
      }
    }
    return attachments;
  }

  askedAbout(turnId: string): AskedAbout | undefined {
    return this.turnPins.get(turnId);
  }

  /**
   * A turn ended: its images are released once it got an answer (never sent again); after a failure
   * or Stop they are kept for a Retry, until the next message is sent.
   */
  turnEnded(attachments: readonly Attachment[], answered: boolean): void {
    this.images.turnEnded(attachments, answered);
  }

  imageData(id: string): string | undefined {
    return this.images.get(id);
  }

  dispose(): void {
    for (const { pin } of [...this.pendingPins.values(), ...this.turnPins.values()]) pin.dispose();
    this.pendingPins.clear();
    this.turnPins.clear();
    this.images.clear();
    this.pending = [];
  }
}
