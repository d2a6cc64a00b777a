// One turn of the conversation in the DOM: the question, then the answer (sanitised Markdown with code
// actions, tool calls, model, tokens, time, safeguards) or the safeguard decision / error with Retry.
import DOMPurify from 'dompurify';
import { replaceHidden } from '../../src/core/markdown/hiddenUnicode';
import { renderAnswer } from '../../src/core/markdown/render';
import type { CodeBlock } from '../../src/core/markdown/parser';
import { markdownSections } from '../../src/core/markdown/sections';
import { SANITIZE_CONFIG } from '../../src/core/markdown/sanitizeConfig';
import type { AnswerView, AttachmentView, CodeActionKind, ToHost, TurnErrorView, TurnView } from '../../src/webview/protocol/chat';
import * as l10n from '../shared/l10n';
import { formatBytes, formatSeconds, h, icon, iconButton, textButton } from './dom';
import { toolCallList } from './toolCards';

export type Post = (message: ToHost) => void;

const codeActions = (): readonly { action: CodeActionKind; icon: string; label: string }[] => [
  { action: 'copy', icon: 'copy', label: l10n.t('Copy') },
  { action: 'insert', icon: 'insert', label: l10n.t('Insert at Cursor') },
  { action: 'replace', icon: 'replace', label: l10n.t('Replace Selection') },
  { action: 'newFile', icon: 'new-file', label: l10n.t('Open in New File') },
];

export function attachmentText(attachment: AttachmentView): string {
  if (attachment.kind === 'image') return `${attachment.name} (${formatBytes(attachment.bytes)})`;
  const lines = attachment.startLine === attachment.endLine ? `${attachment.startLine}` : `${attachment.startLine}–${attachment.endLine}`;
  return `${attachment.file.split('/').pop() ?? attachment.file}:${lines}`;
}

export function attachmentTitle(attachment: AttachmentView): string {
  if (attachment.kind === 'image') return l10n.t('Image {0}', attachment.name);
  return l10n.t('{0}, lines {1}–{2}', attachment.file, attachment.startLine, attachment.endLine);
}

/** Sanitised Markdown: rendered to a string, cleaned by DOMPurify, only then made into nodes. */
function markdownFragment(markdown: string, firstBlock = 0): { fragment: DocumentFragment; blocks: readonly CodeBlock[] } {
  const { html, blocks } = renderAnswer(markdown, firstBlock);
  return { fragment: DOMPurify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true }), blocks };
}

/** Characters of Markdown per section of a long answer: the first is rendered at once, about a screen. */
const SECTION_CHARS = 4000;

/** An answer whose sections wait to be rendered: `step` renders the next one, false once none is left. */
interface Waiting {
  step(): boolean;
}

/** Answers with sections still to render, the one to render first at the front. */
const waiting: Waiting[] = [];
let drainScheduled = false;

/** Renders waiting sections for about a frame's time per task, after the page has painted. */
function scheduleDrain(): void {
  if (drainScheduled) return;
  drainScheduled = true;
  requestAnimationFrame(() => setTimeout(drain, 0));
}

function drain(): void {
  drainScheduled = false;
  const started = performance.now();
  while (waiting.length > 0 && performance.now() - started < 12) {
    if (!waiting[0]?.step()) waiting.shift();
  }
  if (waiting.length > 0) {
    drainScheduled = true;
    setTimeout(drain, 0);
  }
}

/**
 * An answer's Markdown into `markdown`. A long one is cut into sections (sections.ts), each in a chunk
 * the browser lays out only near the viewport (`content-visibility`, answer.css). With `eager`, the
 * first section is rendered at once; every other section shows its text until it is rendered, a few
 * per task after the page painted, so the first screen does not wait for the whole answer, nor the
 * last turn of a long conversation for the turns above it. Later calls are rendered first.
 */
function appendMarkdown(markdown: HTMLElement, text: string, turnId: string, post: Post, eager: boolean): void {
  const sections = markdownSections(text, SECTION_CHARS);
  let blocks = 0;
  const render = (target: HTMLElement, section: string): void => {
    const rendered = markdownFragment(section, blocks);
    const first = blocks;
    blocks += rendered.blocks.length;
    target.replaceChildren(rendered.fragment);
    addCodeActions(target, turnId, post, (id) => rendered.blocks[id - first]?.code);
  };
  if (sections.length === 1 && eager) {
    render(markdown, text);
    return;
  }
  const pending: { chunk: HTMLElement; section: string }[] = [];
  sections.forEach((section, index) => {
    const chunk = sections.length === 1 ? markdown : h('div', { class: 'pg-md-chunk' });
    if (chunk !== markdown) markdown.append(chunk);
    if (index === 0 && eager) return render(chunk, section);
    // Until rendered: the plain text, hidden Unicode shown as in a rendered answer.
    chunk.classList.add('pg-md-pending');
    chunk.setAttribute('aria-busy', 'true');
    chunk.textContent = replaceHidden(section, (run) => `[${run.label}]`);
    pending.push({ chunk, section });
  });
  waiting.unshift({
    step: () => {
      const item = pending.shift();
      // A turn drawn again (or gone) stops here: its new element renders its own sections.
      if (!item || !markdown.isConnected) return false;
      render(item.chunk, item.section);
      item.chunk.classList.remove('pg-md-pending');
      item.chunk.removeAttribute('aria-busy');
      return pending.length > 0;
    },
  });
  scheduleDrain();
}

/** Each code block's actions; they send its id and the code shown for it (`codeOf`). */
function addCodeActions(root: ParentNode, turnId: string, post: Post, codeOf: (id: number) => string | undefined): void {
  for (const block of Array.from(root.querySelectorAll<HTMLElement>('.pg-code'))) {
    const index = Number(block.dataset.block);
    const header = block.querySelector('.pg-code-header');
    const code = codeOf(index);
    if (!Number.isInteger(index) || !header || code === undefined) continue;
    const actions = h('div', { class: 'pg-code-actions', role: 'toolbar', 'aria-label': l10n.t('Code block {0}', index + 1) });
    for (const { action, icon: name, label } of codeActions()) {
      actions.append(iconButton(name, label, () => post({ type: 'codeAction', turnId, block: index, code, action })));
    }
    header.append(actions);
  }
}

function meta(turn: TurnView, answer: AnswerView): HTMLElement {
  const parts: (Node | string)[] = [h('span', { class: 'pg-meta-item', title: l10n.t('Model') }, answer.model || l10n.t('model'))];
  parts.push(h('span', { class: 'pg-meta-item', title: l10n.t('Time taken') }, formatSeconds(answer.ms)));
  if (answer.usage) {
    const { input, output, total } = answer.usage;
    parts.push(
      h(
        'span',
        {
          class: 'pg-meta-item',
          title:
            total !== undefined
              ? l10n.t('Tokens: {0} in, {1} out, {2} total', input ?? '?', output ?? '?', total)
              : l10n.t('Tokens: {0} in, {1} out', input ?? '?', output ?? '?'),
        },
        l10n.t('{0} in / {1} out tokens', input ?? '?', output ?? '?'),
      ),
    );
  }
  const shield = turn.safeguards.length
    ? h(
        'span',
        { class: 'pg-meta-item pg-safeguards-passed', title: l10n.t('Safeguards on for this request: {0} — passed', turn.safeguards.join(', ')) },
        icon('shield'),
        ` ${l10n.t('{0}: passed', turn.safeguards.join(', '))}`,
      )
    : h('span', { class: 'pg-meta-item pg-no-safeguards', title: l10n.t('No safeguard was on for this request') }, l10n.t('no safeguards'));
  parts.push(shield);
  return h('div', { class: 'pg-meta' }, ...parts);
}

function factualityText(level: 'low' | 'medium' | 'high', score: string): string {
  if (level === 'high') return l10n.t('Factuality high: {0}', score);
  return level === 'medium' ? l10n.t('Factuality medium: {0}', score) : l10n.t('Factuality low: {0}', score);
}

/** "Check factuality" on an answer with text, then a badge with the score and a word (low/medium/high). */
function factuality(turn: TurnView, answer: AnswerView, post: Post): HTMLElement | null {
  if (!answer.text.trim()) return null;
  const check = (label: string): HTMLButtonElement =>
    iconButton('pass', label, () => post({ type: 'checkFactuality', turnId: turn.id }), { text: label, className: 'pg-factuality-check' });
  const state = turn.factuality;
  if (state === undefined) return h('div', { class: 'pg-factuality' }, check(l10n.t('Check factuality')));
  switch (state.status) {
    case 'checking':
      return h(
        'div',
        { class: 'pg-factuality', 'aria-busy': 'true' },
        h('span', { class: 'pg-factuality-badge pg-checking', role: 'status' }, icon('loading', 'codicon-modifier-spin'), ` ${l10n.t('Checking factuality…')}`),
      );
    case 'done':
      return h(
        'div',
        { class: 'pg-factuality' },
        h(
          'span',
          {
            class: `pg-factuality-badge pg-factuality-${state.level}`,
            role: 'status',
            title: l10n.t('Factuality of this answer against its question and code (POST /factuality), 0–1'),
            'data-score': state.score.toFixed(2),
          },
          icon(state.level === 'high' ? 'pass' : state.level === 'medium' ? 'info' : 'warning'),
          ` ${factualityText(state.level, state.score.toFixed(2))}`,
        ),
      );
    case 'error':
      return h(
        'div',
        { class: 'pg-factuality' },
        h('span', { class: 'pg-factuality-error', role: 'status' }, icon('error'), ` ${state.message}`),
        check(l10n.t('Check again')),
      );
  }
}

/** An answer too long for the chat: how much is shown, and the whole of it in an editor. */
function truncationNote(turn: TurnView, truncated: { shown: number; total: number }, post: Post): HTMLElement {
  const count = (n: number): string => n.toLocaleString('en-US');
  return h(
    'div',
    { class: 'pg-truncated', role: 'note' },
    h(
      'p',
      { class: 'pg-warning' },
      icon('warning'),
      ` ${l10n.t('The answer is {0} characters long; the first {1} are shown here.', count(truncated.total), count(truncated.shown))}`,
    ),
    textButton(l10n.t('Open full answer in editor'), () => post({ type: 'openFullAnswer', turnId: turn.id }), false, 'go-to-file'),
  );
}

function answerBody(turn: TurnView, answer: AnswerView, post: Post, eager: boolean): HTMLElement {
  const body = h('div', { class: 'pg-answer' });
  if (answer.text.trim()) {
    const markdown = h('div', { class: 'pg-markdown' });
    appendMarkdown(markdown, answer.text, turn.id, post, eager);
    body.append(markdown);
  } else if (answer.refusal) {
    body.append(h('p', { class: 'pg-refusal' }, l10n.t('The model declined: {0}', answer.refusal)));
  } else {
    body.append(
      h('p', { class: 'pg-muted' }, answer.toolCalls.length ? l10n.t('The model answered with tool calls and no text.') : l10n.t('The answer has no text.')),
    );
  }
  if (answer.truncated) body.append(truncationNote(turn, answer.truncated, post));
  const calls = toolCallList(answer.toolCalls, l10n.t('Tool calls'));
  if (calls) body.append(calls);
  if (answer.limit) body.append(h('p', { class: 'pg-warning' }, icon('warning'), ` ${answer.limit}`));
  if (answer.incomplete)
    body.append(
      h('p', { class: 'pg-warning' }, icon('warning'), ` ${l10n.t('The answer was cut short (status “incomplete”), perhaps by Max output tokens.')}`),
    );
  body.append(meta(turn, answer));
  const check = factuality(turn, answer, post);
  if (check) body.append(check);
  return body;
}

/** The decision's text without its first words, which the card's title already says. */
function decisionText(message: string): string {
  const rest = message.replace(/^Blocked by the [^—]*? safeguard\s*[—:-]\s*/i, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

function safeguardDecision(turn: TurnView, error: TurnErrorView, safeguard: { name: string; setting: string }, post: Post): HTMLElement {
  return h(
    'div',
    { class: 'pg-decision', role: 'group', 'aria-label': l10n.t('{0} safeguard decision', safeguard.name) },
    h('div', { class: 'pg-decision-title' }, icon('shield'), h('strong', {}, ` ${l10n.t('Blocked by the {0} safeguard', safeguard.name)}`)),
    h('p', {}, decisionText(error.message)),
    h(
      'div',
      { class: 'pg-actions' },
      textButton(l10n.t('Change setting'), () => post({ type: 'changeSafeguard', turnId: turn.id }), false, 'settings-gear'),
      textButton(l10n.t('Retry'), () => post({ type: 'retry', turnId: turn.id }), true, 'refresh'),
    ),
  );
}

function errorBox(turn: TurnView, error: TurnErrorView, post: Post): HTMLElement {
  if (error.safeguard) return safeguardDecision(turn, error, error.safeguard, post);
  const stopped = error.kind === 'cancelled';
  return h(
    'div',
    { class: stopped ? 'pg-stopped' : 'pg-error' },
    h('p', {}, icon(stopped ? 'stop-circle' : 'error'), ` ${error.message}`),
    h(
      'div',
      { class: 'pg-actions' },
      ...error.actions.map((action, index) => textButton(action.label, () => post({ type: 'errorAction', turnId: turn.id, index }))),
      textButton(l10n.t('Retry'), () => post({ type: 'retry', turnId: turn.id }), true, 'refresh'),
    ),
  );
}

function question(turn: TurnView): HTMLElement {
  const chips = turn.attachments.map((a) =>
    h(
      'span',
      { class: 'pg-chip pg-chip-static', title: attachmentTitle(a) },
      icon(a.kind === 'image' ? 'file-media' : 'code'),
      h('span', {}, attachmentText(a)),
    ),
  );
  return h(
    'div',
    { class: 'pg-question' },
    h('div', { class: 'pg-role' }, icon('account'), h('span', {}, l10n.t('You'))),
    turn.prompt ? h('div', { class: 'pg-prompt' }, turn.prompt) : null,
    chips.length ? h('div', { class: 'pg-chips' }, ...chips) : null,
  );
}

/**
 * The running turn's answer so far, in its pending reply: sanitised Markdown like a complete answer,
 * without code actions (a half answer is never inserted anywhere) and marked as still arriving.
 */
export function showPartial(turnElement: HTMLElement, text: string, total?: number): void {
  const reply = turnElement.querySelector('.pg-reply');
  if (!reply) return;
  let partial = reply.querySelector<HTMLElement>('.pg-partial');
  if (!partial) {
    partial = h('div', { class: 'pg-markdown pg-partial', 'aria-busy': 'true' });
    const status = reply.querySelector('.pg-pending');
    if (status) {
      status.before(partial);
      status.lastChild?.replaceWith(` ${l10n.t('Answering… (Escape stops)')}`);
    } else reply.append(partial);
  }
  showPartialMarkdown(partial, text);
  streamingCutNote(reply, partial, text.length, total);
}

/** A streaming answer too long for the chat: only its start is shown until it is done. */
function streamingCutNote(reply: Element, partial: HTMLElement, shown: number, total: number | undefined): void {
  let note = reply.querySelector<HTMLElement>('.pg-partial-cut');
  if (total === undefined) {
    note?.remove();
    return;
  }
  if (!note) {
    note = h('p', { class: 'pg-warning pg-partial-cut', role: 'note' });
    partial.after(note);
  }
  const count = (n: number): string => n.toLocaleString('en-US');
  note.replaceChildren(
    icon('warning'),
    ` ${l10n.t('The answer is {0} characters long so far; the first {1} are shown while it arrives. When it is done, the whole answer opens in an editor.', count(total), count(shown))}`,
  );
}

/** The Markdown each section chunk of a partial answer shows. */
const partialSections = new WeakMap<Element, string>();

/**
 * A partial answer grows at its end: a long one is kept in sections (sections.ts), and only the sections
 * whose text changed since the last update (the last one, as a rule) are rendered again.
 */
function showPartialMarkdown(partial: HTMLElement, text: string): void {
  const sections = markdownSections(text, SECTION_CHARS);
  if (sections.length === 1) {
    partial.replaceChildren(markdownFragment(text).fragment);
    return;
  }
  let chunks = Array.from(partial.children).filter((child) => partialSections.has(child));
  if (chunks.length !== partial.childNodes.length) {
    partial.replaceChildren();
    chunks = [];
  }
  sections.forEach((section, index) => {
    const existing = chunks[index];
    if (existing && partialSections.get(existing) === section) return;
    const chunk = h('div', { class: 'pg-md-chunk' });
    chunk.append(markdownFragment(section).fragment);
    partialSections.set(chunk, section);
    if (existing) existing.replaceWith(chunk);
    else partial.append(chunk);
  });
  for (const extra of chunks.slice(sections.length)) extra.remove();
}

/** `eager` false: the answer's Markdown shows as text until it is rendered a moment later (a turn far up a long conversation). */
export function renderTurn(turn: TurnView, post: Post, eager = true): HTMLElement {
  const reply = h('div', { class: 'pg-reply' }, h('div', { class: 'pg-role' }, icon('shield'), h('span', {}, l10n.t('Prediction Guard'))));
  switch (turn.status) {
    case 'pending':
      reply.append(
        h(
          'p',
          { class: 'pg-pending', role: 'status' },
          icon('loading', 'codicon-modifier-spin'),
          ` ${turn.notice ? l10n.t('Waiting for the answer: {0}…', turn.notice) : l10n.t('Waiting for the answer…')}`,
        ),
      );
      if (turn.progress?.length) reply.append(toolCallList(turn.progress, l10n.t('Tool calls so far')) ?? '');
      break;
    case 'done':
      if (turn.answer) reply.append(answerBody(turn, turn.answer, post, eager));
      break;
    case 'error':
      if (turn.error) reply.append(errorBox(turn, turn.error, post));
      break;
    case 'cancelled':
      reply.append(errorBox(turn, { kind: 'cancelled', message: l10n.t('Stopped before the answer was complete.'), actions: [] }, post));
      break;
  }
  return h(
    'article',
    { class: 'pg-turn', 'data-turn': turn.id, 'aria-label': l10n.t('Question: {0}', turn.prompt.slice(0, 80) || l10n.t('attached code')) },
    question(turn),
    reply,
  );
}

/** What a screen reader hears when a turn finishes. */
export function announcement(turn: TurnView): string {
  if (turn.status === 'done' && turn.answer) {
    // Only the start is read out: no need to go over the whole of a long answer.
    const text = turn.answer.text.slice(0, 2000).replace(/\s+/g, ' ').trim();
    return l10n.t('Answer from {0}: {1}', turn.answer.model, text.slice(0, 400) || l10n.t('no text'));
  }
  if (turn.status === 'error' && turn.error)
    return turn.error.safeguard ? l10n.t('Blocked by the {0} safeguard.', turn.error.safeguard.name) : l10n.t('Request failed: {0}', turn.error.message);
  if (turn.status === 'cancelled') return l10n.t('Stopped.');
  return '';
}

/**
 * Builds a small turn nowhere, both ways (Markdown rendered, Markdown as text), while the page waits
 * for its first state: the Markdown parser, the highlighter's grammar of a common language, DOMPurify
 * and this code are then ready for the state's turns, which show that much sooner.
 */
export function warmUp(): void {
  const markdown = '*a* `b`\n\n```ts\n(x = [1]);\n```\n';
  const answer: AnswerView = { text: markdown, model: 'm', ms: 1, incomplete: false, toolCalls: [] };
  const turn: TurnView = { id: 'warm-up', prompt: '?', attachments: [], status: 'done', startedAt: 0, safeguards: [], answer };
  const post: Post = () => undefined;
  renderTurn(turn, post, true);
  renderTurn(turn, post, false);
}
