// The sidebar webview view: rendered with the shared HTML/CSP builder, spoken to through the
// zod-validated channel. The controller outlives the view (a request keeps running while it is hidden).
import * as vscode from 'vscode';
import { type Log } from '../log';
import { WebviewChannel } from '../webview/channel';
import { renderWebview } from '../webview/render';
import { ToHostSchema, type ToHost, type ToWebview } from '../webview/protocol/chat';
import { type ChatController } from './chatController';

export const CHAT_VIEW_ID = 'predictionGuard.chatView';

export class ChatViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.Disposable | undefined;
  private disposed = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    /** The controller, once the history is read (read on the first call). */
    private readonly ready: () => Promise<ChatController>,
    private readonly log: Log,
  ) {}

  async resolveWebviewView(webviewView: vscode.WebviewView): Promise<void> {
    this.view?.dispose();
    this.view = undefined;
    let gone = false;
    const disposed = webviewView.onDidDispose(() => (gone = true));
    const controller = await this.ready().finally(() => disposed.dispose());
    if (gone || this.disposed) return;
    renderWebview(webviewView.webview, this.extensionUri, 'chat', vscode.l10n.t('Prediction Guard Chat'));
    const channel = new WebviewChannel<ToHost, ToWebview>(webviewView.webview, ToHostSchema, (message) => controller.handle(message), this.log, 'chat view');
    const post = (message: ToWebview): void => channel.post(message);
    controller.attach(post);
    const subscriptions = [
      channel,
      // A hidden view's page is unloaded; when it is shown again it loads anew and says `ready`.
      webviewView.onDidChangeVisibility(() => {
        if (webviewView.visible) return;
        channel.reset();
        controller.pageUnloaded();
      }),
    ];
    const view = new vscode.Disposable(() => {
      controller.detach(post);
      subscriptions.forEach((s) => s.dispose());
    });
    this.view = view;
    subscriptions.push(
      webviewView.onDidDispose(() => {
        view.dispose();
        if (this.view === view) this.view = undefined;
      }),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.view?.dispose();
    this.view = undefined;
  }
}
