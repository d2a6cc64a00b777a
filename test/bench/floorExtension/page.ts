// The chat floor's page (see extension.ts): Enter in the textarea posts its text to the extension; the
// answer it posts back goes into the <pre> as text. When it loads it asks for the conversation kept so
// far and adds each question and answer as text, then marks when that is painted (`floor-shown`, from
// `floor-script`: the floor of the chat's reopen figure). Nothing else.
declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

performance.mark('floor-script');
const vscode = acquireVsCodeApi();
const box = document.querySelector('textarea');
const stream = document.querySelector<HTMLInputElement>('#stream');
const out = document.querySelector('pre#answer');
const kept = document.querySelector('#history');

if (box && stream && out && kept) {
  box.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    vscode.postMessage({ text: box.value, stream: stream.checked });
    box.value = '';
  });
  window.addEventListener('message', (event: MessageEvent<{ text?: unknown; history?: unknown }>) => {
    if (typeof event.data.text === 'string') out.textContent = event.data.text;
    if (Array.isArray(event.data.history)) {
      const exchanges = event.data.history as { question: string; answer: string }[];
      for (const { question, answer } of exchanges) {
        const item = document.createElement('article');
        const asked = document.createElement('p');
        asked.textContent = question;
        const answered = document.createElement('pre');
        answered.textContent = answer;
        item.append(asked, answered);
        kept.append(item);
      }
      kept.lastElementChild?.scrollIntoView();
      requestAnimationFrame(() => setTimeout(() => performance.mark('floor-shown', { detail: { turns: exchanges.length } }), 0));
    }
  });
  vscode.postMessage({ ready: true });
}
