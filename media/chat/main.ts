// The chat webview: history, transcript and composer. Every message from the extension is parsed with
// the shared zod schema (media/shared/host.ts); the page posts `ready` once it can receive them.
// First: zod must be told not to compile parsers with `new Function` (refused by the CSP) before any
// schema below is built; then the page's translations are taken from the host (every text is `l10n.t`).
import '../shared/zodConfig';
import '../shared/pageL10n';
import './startMark';
import '@vscode/codicons/dist/codicon.css';
import './chat.css';
import './answer.css';
import './composer.css';
import './syntax.css';
import { ChatWebviewStateSchema, ToWebviewSchema, type PartialMessage, type StateMessage, type ToHost, type ToWebview } from '../../src/webview/protocol/chat';
import { Host } from '../shared/host';
import * as l10n from '../shared/l10n';
import { announcement, renderTurn, showPartial, warmUp } from './answer';
import { Composer } from './composer';
import { h, icon, iconButton } from './dom';
import { HistoryPanel } from './history';
import { toolRequestCard } from './toolCards';
import { TurnList } from './turnList';

const host = new Host<ToHost, ToWebview>(ToWebviewSchema, (message) => onMessage(message));
const post = (message: ToHost): void => host.post(message);

const composer = new Composer(post, (draft) => host.saveState({ draft }), host.state(ChatWebviewStateSchema)?.draft ?? '');
const history = new HistoryPanel(post);
const title = h('span', { class: 'pg-title' }, l10n.t('New chat'));
const historyToggle = h(
  'button',
  {
    type: 'button',
    class: 'pg-button pg-history-toggle',
    'aria-expanded': 'false',
    'aria-controls': 'pg-history',
    title: l10n.t('Show the chats of this workspace'),
  },
  icon('history'),
  h('span', {}, l10n.t('Chats')),
);
const header = h('header', { class: 'pg-header' }, historyToggle, title);
const transcript = h('main', { class: 'pg-transcript', 'aria-label': l10n.t('Conversation'), tabindex: '-1' });
const toolSlot = h('section', { class: 'pg-tool-slot', 'aria-live': 'assertive', 'aria-label': l10n.t('Tool call waiting for you') });
toolSlot.hidden = true;
let shownToolRequest = '';
const live = h('div', { class: 'pg-sr-only', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
// Setup the chat still needs (a key, a model), with the button that does it; hidden once done.
const setup = h('div', { class: 'pg-setup', role: 'group', 'aria-label': l10n.t('Setup') });
const setupKey = h(
  'p',
  { class: 'pg-setup-step' },
  h('span', {}, l10n.t('No API key is set. Set the key of your Prediction Guard deployment to start.')),
  iconButton('key', l10n.t('Set API Key'), () => post({ type: 'setup', step: 'setApiKey' }), { text: l10n.t('Set API Key'), className: 'pg-setup-key' }),
);
const setupModel = h(
  'p',
  { class: 'pg-setup-step' },
  h('span', {}, l10n.t('No model is chosen yet.')),
  iconButton('list-selection', l10n.t('Choose a model'), () => post({ type: 'setup', step: 'selectModel' }), {
    text: l10n.t('Choose a model'),
    className: 'pg-setup-model',
  }),
);
const walkthroughLink = h('button', { type: 'button', class: 'pg-link-button pg-walkthrough' }, l10n.t('Get started: a walkthrough of Prediction Guard'));
walkthroughLink.addEventListener('click', () => post({ type: 'setup', step: 'walkthrough' }));
setup.append(setupKey, setupModel);
const welcome = h(
  'div',
  { class: 'pg-welcome' },
  h('h2', {}, l10n.t('Chat with Prediction Guard')),
  setup,
  h('p', {}, l10n.t('Ask about the code in front of you. Your messages go only to your Prediction Guard deployment, through the safeguards you set.')),
  h(
    'ul',
    {},
    h('li', {}, l10n.t('Select code and run “Add Selection to Chat” (right-click → Prediction Guard) to attach it.')),
    h('li', {}, l10n.t('Enter sends, Shift+Enter adds a line, ↑ recalls your last prompt, Escape stops a request.')),
    h('li', {}, l10n.t('Code in answers can be copied, inserted at the cursor, replace the selection or open in a new file.')),
  ),
  h('p', {}, walkthroughLink),
);

document.getElementById('app')?.append(h('div', { class: 'pg-chat' }, header, history.element, transcript, toolSlot, live, composer.element));

const turnList = new TurnList({
  transcript,
  empty: welcome,
  build: (turn, eager) => renderTurn(turn, post, eager),
  finished: (turn, element) => {
    live.textContent = announcement(turn);
    requestAnimationFrame(() => element.querySelector('.pg-reply')?.scrollIntoView({ block: 'nearest' }));
  },
  schedule: (task, afterPaint) => (afterPaint ? requestAnimationFrame(() => setTimeout(task, 0)) : setTimeout(task, 0)),
});
let conversationId = '';
let wasRunning = false;
let shownOnce = false;
let markAsked = false;
let shownTurns = 0;

historyToggle.addEventListener('click', () => {
  const open = history.element.hidden;
  history.element.hidden = !open;
  historyToggle.setAttribute('aria-expanded', String(open));
});

// Links in answers carry no href; the extension opens them after the user confirms the full URL.
function openLink(target: EventTarget | null): boolean {
  const link = target instanceof Element ? target.closest('a') : null;
  if (!link) return false;
  const url = link.getAttribute('data-href');
  if (url) post({ type: 'openLink', url });
  return true;
}
document.addEventListener(
  'click',
  (event) => {
    if (openLink(event.target)) event.preventDefault();
  },
  true,
);
transcript.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && event.target instanceof Element && event.target.matches('a.pg-link') && openLink(event.target)) event.preventDefault();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && wasRunning) {
    event.preventDefault();
    post({ type: 'stop' });
  }
});

function applyState(state: StateMessage): void {
  const sameConversation = state.current.id === conversationId;
  if (!sameConversation) turnList.clear();
  conversationId = state.current.id;
  title.textContent = state.current.title;
  title.title = state.current.title;
  history.update(state.conversations, state.current.id);
  if (!shownOnce && !markAsked) {
    // The first state's turns, once painted (for `npm run bench`: from the script's start to here).
    // Asked for before the turns are built, so that the work they leave for after the paint (Markdown,
    // the turns above) comes after the mark.
    markAsked = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        markAsked = false;
        if (shownOnce) performance.mark('pg-chat-shown', { detail: { turns: shownTurns } });
      }, 0),
    );
  }
  if (!turnList.show(state.current.turnIds, state.current.turns, sameConversation)) {
    post({ type: 'ready' });
    return;
  }
  shownOnce = true;
  shownTurns = state.current.turnIds.length;
  composer.setPrompts(turnList.prompts(state.current.turnIds));
  composer.setAttachments(state.attachments);
  composer.setSettings(state.settings.model, state.settings.safeguards);
  setupKey.hidden = state.hasApiKey;
  setupModel.hidden = state.settings.model !== '';
  setup.hidden = setupKey.hidden && setupModel.hidden;
  const running = state.running !== null;
  if (running !== wasRunning) composer.setRunning(running);
  wasRunning = running;
  showToolRequest(state);
  if (!sameConversation) history.element.hidden = true;
  historyToggle.setAttribute('aria-expanded', String(!history.element.hidden));
}

/** The consent card or result prompt of the running turn; replaced only when the request changes. */
function showToolRequest(state: StateMessage): void {
  const request = state.toolRequest ?? null;
  const key = request ? request.requestId : '';
  if (key === shownToolRequest) return;
  shownToolRequest = key;
  toolSlot.replaceChildren();
  toolSlot.hidden = request === null;
  if (!request) return;
  toolSlot.append(toolRequestCard(request, post));
  toolSlot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  toolSlot.scrollIntoView({ block: 'nearest' });
}

/** The running turn's answer so far; ignored once the turn is no longer pending in the view. */
function applyPartial(message: PartialMessage): void {
  const element = turnList.pending(message.turnId);
  if (!element || !wasRunning) return;
  const atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
  showPartial(element, message.text, message.total);
  if (atBottom) transcript.scrollTop = transcript.scrollHeight;
}

function onMessage(message: ToWebview): void {
  switch (message.type) {
    case 'state':
      applyState(message);
      return;
    case 'partial':
      applyPartial(message);
      return;
    case 'focusComposer':
      composer.focus();
      return;
    default: {
      const never: never = message;
      return never;
    }
  }
}

post({ type: 'ready' });
// While the extension answers `ready`: the first state's turns are then built at full speed.
requestIdleCallback(() => {
  if (!shownOnce && !markAsked) warmUp();
});
