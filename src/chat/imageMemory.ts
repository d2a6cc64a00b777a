// The bytes (data URLs) of attached images, in memory only. Pure. An image is held while it waits to
// be sent and while its turn runs; once the turn is answered it is released, so it is never sent
// again. After a failure or Stop it is kept for a Retry until the next message is sent.
import { type Attachment } from './conversation';

export class ImageMemory {
  private readonly images = new Map<string, string>();

  set(id: string, dataUrl: string): void {
    this.images.set(id, dataUrl);
  }

  get(id: string): string | undefined {
    return this.images.get(id);
  }

  delete(id: string): void {
    this.images.delete(id);
  }

  /** A new message is sent with `attachments`: every other image (kept for a Retry) is released. */
  sending(attachments: readonly Attachment[]): void {
    for (const id of [...this.images.keys()]) if (!attachments.some((a) => a.id === id)) this.images.delete(id);
  }

  /** A turn ended: once it got an answer, its images are released. */
  turnEnded(attachments: readonly Attachment[], answered: boolean): void {
    if (!answered) return;
    for (const attachment of attachments) if (attachment.kind === 'image') this.images.delete(attachment.id);
  }

  /** How many images are held. */
  get size(): number {
    return this.images.size;
  }

  clear(): void {
    this.images.clear();
  }
}
