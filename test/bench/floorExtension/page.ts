// The chat floor's page (see extension.ts): Enter in the textarea posts its text to the extension; the
// answer it posts back goes into the <pre> as text. Nothing else.
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const box = document.querySelector('textarea');
const stream = document.querySelector<HTMLInputElement>('#stream');
const out = document.querySelector('pre');

if (box && stream && out) {
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    vscode.postMessage({ text: box.value, stream: stream.checked });
    box.value = '';
  });
  window.addEventListener('message', (event: MessageEvent<{ text?: unknown }>) => {
    if (typeof event.data.text === 'string') out.textContent = event.data.text;
  });
}
