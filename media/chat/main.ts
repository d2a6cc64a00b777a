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
import {
  ChatWebviewStateSchema,
  ToWebviewSchema,
  type PartialMessage,
  type StateMessage,
  type ToHost,
  type ToWebview,
  type TurnView,
} from '../../src/webview/protocol/chat';
import { Host } from '../shared/host';
import * as l10n from '../shared/l10n';
import { announcement, renderTurn, showPartial } from './answer';
import { Composer } from './composer';
import { h, icon, iconButton } from './dom';
import { HistoryPanel } from './history';
import { toolRequestCard } from './toolCards';

interface Rendered {
  readonly key: string;
  readonly status: TurnView['status'];
  readonly prompt: string;
  readonly element: HTMLElement;
}

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

const rendered = new Map<string, Rendered>();
let conversationId = '';
let wasRunning = false;
let shownOnce = false;

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

/** Turns of a conversation just opened whose answers are rendered at once; those above follow a moment later. */
const EAGER_TURNS = 8;

/**
 * The conversation's turns in order (`ids`), from the views just received (`turns`: new or changed
 * ones) and those already drawn. False, drawing nothing, when a turn is neither (the page missed a
 * state): the extension is then asked for the whole conversation.
 */
function renderTurns(ids: readonly string[], turns: readonly TurnView[], sameConversation: boolean): boolean {
  const received = new Map(turns.map((turn) => [turn.id, turn]));
  if (ids.some((id) => !received.has(id) && !rendered.has(id))) return false;
  const nodes: HTMLElement[] = [];
  let added = false;
  for (const [index, id] of ids.entries()) {
    const turn = received.get(id);
    const previous = rendered.get(id);
    const key = turn && JSON.stringify(turn);
    if (!turn || !key || previous?.key === key) {
      if (previous) nodes.push(previous.element);
      continue;
    }
    const element = renderTurn(turn, post, sameConversation || index >= ids.length - EAGER_TURNS);
    if (!previous) added = true;
    if (sameConversation && previous?.status === 'pending' && turn.status !== 'pending') {
      live.textContent = announcement(turn);
      requestAnimationFrame(() => element.querySelector('.pg-reply')?.scrollIntoView({ block: 'nearest' }));
    }
    rendered.set(id, { key, status: turn.status, prompt: turn.prompt, element });
    nodes.push(element);
  }
  if (rendered.size > ids.length) {
    const kept = new Set(ids);
    for (const id of [...rendered.keys()]) if (!kept.has(id)) rendered.delete(id);
  }
  const wanted: HTMLElement[] = nodes.length ? nodes : [welcome];
  let cursor = transcript.firstElementChild;
  for (const node of wanted) {
    if (cursor === node) cursor = cursor.nextElementSibling;
    else transcript.insertBefore(node, cursor);
  }
  while (cursor) {
    const next = cursor.nextElementSibling;
    cursor.remove();
    cursor = next;
  }
  if (added || !sameConversation) transcript.scrollTop = transcript.scrollHeight;
  return true;
}

function applyState(state: StateMessage): void {
  const sameConversation = state.current.id === conversationId;
  if (!sameConversation) rendered.clear();
  conversationId = state.current.id;
  title.textContent = state.current.title;
  title.title = state.current.title;
  history.update(state.conversations, state.current.id);
  if (!renderTurns(state.current.turnIds, state.current.turns, sameConversation)) {
    post({ type: 'ready' });
    return;
  }
  if (!shownOnce) {
    // The first state's turns, once painted (for `npm run bench`: from the script's start to here).
    shownOnce = true;
    const turns = state.current.turnIds.length;
    requestAnimationFrame(() => setTimeout(() => performance.mark('pg-chat-shown', { detail: { turns } }), 0));
  }
  composer.setPrompts(state.current.turnIds.map((id) => rendered.get(id)?.prompt ?? ''));
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
  const turn = rendered.get(message.turnId);
  if (!turn || turn.status !== 'pending' || !wasRunning) return;
  const atBottom = transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 40;
  showPartial(turn.element, message.text);
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
