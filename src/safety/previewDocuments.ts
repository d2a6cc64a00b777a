// Read-only virtual documents for "Preview Selection with PII Replaced": the selection as it is and
// as the model would see it, shown side by side in a diff.
import * as vscode from 'vscode';

export const PREVIEW_SCHEME = 'predictionguard-preview';
/** Previews kept (older ones are dropped: their tabs then show an empty document). */
const KEPT = 20;

export class PreviewDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, this);
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Opens the diff original ↔ replaced; `fileName` keeps the language (e.g. "sample.ts"). */
  async showDiff(fileName: string, original: string, replaced: string, title: string): Promise<void> {
    const n = ++this.counter;
    const left = this.add(`/${n}/selection/${fileName}`, original);
    const right = this.add(`/${n}/replaced/${fileName}`, replaced);
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true });
  }

  dispose(): void {
    this.contents.clear();
    this.registration.dispose();
  }

  private add(path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path });
    this.contents.set(uri.toString(), text);
    while (this.contents.size > KEPT * 2) {
      const oldest = this.contents.keys().next().value;
      if (oldest === undefined) break;
      this.contents.delete(oldest);
    }
    return uri;
  }
}
