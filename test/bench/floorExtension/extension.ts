// `npm run bench`, the chat figures' floor (never shipped; installed into the bench's code-server by
// test/bench/chatFloor.ts): a webview panel with a <textarea> and a <pre>. Enter in the textarea posts
// the text here; this does one POST /responses of the chat's body shape to the stand-in, JSON.parse,
// and posts the answer's text back (for a streamed request: read until the first text delta, and post
// that). Nothing else: no Markdown, no validation beyond the message's shape. Like the chat, it keeps
// its conversation (each question and answer, in one file of its workspace storage) and a page that
// loads anew gets all of it: the floor of reopening a long chat. The stand-in's URL, key and model come
// from the environment code-server was started with.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

interface Ask {
  text: string;
  stream: boolean;
}

interface Exchange {
  question: string;
  answer: string;
}

/** The floor's conversation: read from its file when the window starts, written after each answer. */
class Conversation {
  private exchanges: Exchange[] | undefined;

  constructor(private readonly file: vscode.Uri | undefined) {}

  async all(): Promise<Exchange[]> {
    if (!this.exchanges) {
      try {
        this.exchanges = this.file ? (JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file))) as Exchange[]) : [];
      } catch {
        this.exchanges = [];
      }
    }
    return this.exchanges;
  }

  async add(exchange: Exchange): Promise<void> {
    (await this.all()).push(exchange);
    await this.write();
  }

  async clear(): Promise<void> {
    this.exchanges = [];
    await this.write();
  }

  private async write(): Promise<void> {
    if (!this.file) return;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(JSON.stringify(this.exchanges ?? [])));
  }
}

export function activate(context: vscode.ExtensionContext): void {
  const conversation = new Conversation(context.storageUri && vscode.Uri.joinPath(context.storageUri, 'floor-conversation.json'));
  context.subscriptions.push(
    vscode.commands.registerCommand('benchFloor.openChatFloor', () => open(context, conversation)),
    vscode.commands.registerCommand('benchFloor.newConversation', () => conversation.clear()),
  );
}

function open(context: vscode.ExtensionContext, conversation: Conversation): void {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const panel = vscode.window.createWebviewPanel('benchFloor.chat', 'Chat Floor', vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [dist],
  });
  const nonce = randomBytes(18).toString('base64url');
  const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'page.js')).toString();
  panel.webview.html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none'; frame-src 'none'; connect-src 'none'">
<title>Chat Floor</title>
</head>
<body>
<textarea aria-label="Message" rows="2" cols="60"></textarea>
<label><input type="checkbox" id="stream"> stream (show the first text delta)</label>
<pre id="answer"></pre>
<div id="history"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  const listener = panel.webview.onDidReceiveMessage(async (message: unknown) => {
    if ((message as { ready?: unknown } | null)?.ready === true) {
      await panel.webview.postMessage({ history: await conversation.all() });
      return;
    }
    if (!isAsk(message)) return;
    try {
      const text = await answer(message);
      await panel.webview.postMessage({ text });
      // Kept after it is shown, as the chat does (streamed asks are the first word only: not kept).
      if (!message.stream) await conversation.add({ question: message.text, answer: text });
    } catch (error) {
      await panel.webview.postMessage({ text: `floor error: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
  panel.onDidDispose(() => listener.dispose());
  context.subscriptions.push(panel);
}

function isAsk(message: unknown): message is Ask {
  const m = message as Partial<Ask> | null;
  return typeof m?.text === 'string' && typeof m.stream === 'boolean';
}

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function answer(ask: Ask): Promise<string> {
  const response = await fetch(`${env('PG_CHAT_FLOOR_URL')}/responses`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env('PG_CHAT_FLOOR_KEY')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: env('PG_CHAT_FLOOR_MODEL'), input: [{ role: 'user', content: ask.text }], ...(ask.stream ? { stream: true } : {}) }),
  });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
  if (!ask.stream) {
    const body = JSON.parse(await response.text()) as { output?: { content?: { type: string; text?: string }[] }[] };
    return (body.output ?? [])
      .flatMap((item) => item.content ?? [])
      .map((part) => (part.type === 'output_text' ? (part.text ?? '') : ''))
      .join('');
  }
  // Server-sent events: the first `response.output_text.delta` event's delta.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended without a text delta');
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trim())
          .join('\n');
        if (!data) continue;
        const parsed = JSON.parse(data) as { type?: string; delta?: string };
        if (parsed.type === 'response.output_text.delta') return parsed.delta ?? '';
      }
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}
