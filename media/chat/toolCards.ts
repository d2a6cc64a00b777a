// The tool loop in the chat: the consent card (Allow / Allow for this chat / Deny), the prompt for a
// user function's result, and the collapsed list of calls on an answer. Text goes in through
// textContent only; the description's `code` spans are split out, never parsed as HTML.
import type { ToHost, ToolCallView, ToolRequestView } from '../../src/webview/protocol/chat';
import * as l10n from '../shared/l10n';
import { formatBytes, formatSeconds, h, icon, textButton } from './dom';

type Post = (message: ToHost) => void;

/** "read `src/app.py`, lines 1–120" → text and <code> nodes. */
export function describedNodes(description: string): (Node | string)[] {
  return description
    .split(/(`[^`]*`)/)
    .filter((part) => part !== '')
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? h('code', {}, part.slice(1, -1)) : part));
}

function sentence(description: string): string {
  return description.charAt(0).toUpperCase() + description.slice(1);
}

function argumentsBlock(args: string): HTMLElement {
  return h('details', { class: 'pg-tool-args' }, h('summary', {}, l10n.t('Arguments')), h('pre', { class: 'pg-tool-data' }, args || '{}'));
}

export function consentCard(request: Extract<ToolRequestView, { kind: 'consent' }>, post: Post): HTMLElement {
  const answer = (choice: 'allow' | 'allowChat' | 'deny') => () => post({ type: 'toolConsent', requestId: request.requestId, choice });
  const allow = textButton(l10n.t('Allow'), answer('allow'), false, 'check');
  allow.dataset.autofocus = 'true';
  return h(
    'div',
    { class: 'pg-tool-card', role: 'group', 'aria-label': l10n.t('The model wants to {0}', request.description.replace(/`/g, '')) },
    h('div', { class: 'pg-tool-card-title' }, icon('tools'), h('strong', {}, ` ${l10n.t('The model wants to:')}`)),
    h('p', { class: 'pg-tool-card-what' }, ...describedNodes(sentence(request.description))),
    argumentsBlock(request.arguments),
    h('p', { class: 'pg-muted' }, l10n.t('What the tool returns is sent to your Prediction Guard deployment with the next request.')),
    h(
      'div',
      { class: 'pg-actions' },
      allow,
      textButton(l10n.t('Allow for this chat'), answer('allowChat'), true, 'check-all'),
      textButton(l10n.t('Deny'), answer('deny'), true, 'close'),
    ),
  );
}

export function resultPrompt(request: Extract<ToolRequestView, { kind: 'result' }>, post: Post): HTMLElement {
  const field = h('textarea', {
    class: 'pg-tool-result',
    rows: '4',
    'aria-label': l10n.t('Result of {0}', request.tool),
    placeholder: l10n.t('Type the result to send back to the model'),
  });
  field.dataset.autofocus = 'true';
  const send = textButton(l10n.t('Send result'), () => post({ type: 'toolResult', requestId: request.requestId, result: field.value }), false, 'send');
  const decline = textButton(l10n.t('Decline'), () => post({ type: 'toolResult', requestId: request.requestId, result: null }), true, 'close');
  return h(
    'div',
    { class: 'pg-tool-card', role: 'group', 'aria-label': l10n.t('The model called your function {0}', request.tool) },
    h('div', { class: 'pg-tool-card-title' }, icon('symbol-method'), h('strong', {}, ` ${l10n.t('The model called your function {0}', request.tool)}`)),
    h('p', { class: 'pg-tool-card-what' }, ...describedNodes(sentence(request.description))),
    argumentsBlock(request.arguments),
    field,
    h('div', { class: 'pg-actions' }, send, decline),
  );
}

export function toolRequestCard(request: ToolRequestView, post: Post): HTMLElement {
  return request.kind === 'consent' ? consentCard(request, post) : resultPrompt(request, post);
}

const outcomeLabels = (): Readonly<Record<NonNullable<ToolCallView['outcome']>, string>> => ({
  ran: l10n.t('ran'),
  denied: l10n.t('denied by you'),
  refused: l10n.t('refused'),
  failed: l10n.t('failed'),
  typed: l10n.t('answered by you'),
  declined: l10n.t('declined by you'),
  skipped: l10n.t('not run (limit)'),
});

/** One call in the collapsed list: tool, what it did in words, outcome, result size, time. */
export function toolCallEntry(call: ToolCallView): HTMLElement {
  const who = call.server ? `${call.server} › ${call.name}` : call.name;
  const facts = [
    call.outcome ? outcomeLabels()[call.outcome] : undefined,
    call.bytes !== undefined ? formatBytes(call.bytes) : undefined,
    call.ms !== undefined ? formatSeconds(call.ms) : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const failed = call.error !== undefined || call.outcome === 'failed' || call.outcome === 'refused' || call.outcome === 'denied';
  return h(
    'details',
    { class: 'pg-tool-call' },
    h(
      'summary',
      {},
      icon('tools'),
      h('span', { class: 'pg-tool-name' }, ` ${call.kind === 'mcp' ? l10n.t('MCP tool {0}', who) : l10n.t('Tool {0}', who)}`),
      call.description ? h('span', { class: 'pg-tool-what' }, ': ', ...describedNodes(call.description)) : null,
      facts
        ? h('span', { class: failed ? 'pg-tool-facts pg-tool-failed' : 'pg-tool-facts' }, ` (${facts})`)
        : call.error
          ? h('span', { class: 'pg-tool-failed' }, ` (${l10n.t('failed')})`)
          : null,
    ),
    h('div', { class: 'pg-tool-label' }, l10n.t('Arguments')),
    h('pre', { class: 'pg-tool-data' }, call.arguments || l10n.t('(none)')),
    call.output !== undefined ? h('div', { class: 'pg-tool-label' }, l10n.t('Output')) : null,
    call.output !== undefined ? h('pre', { class: 'pg-tool-data' }, call.output) : null,
    call.error !== undefined ? h('div', { class: 'pg-tool-label' }, l10n.t('Error')) : null,
    call.error !== undefined ? h('pre', { class: 'pg-tool-data' }, call.error) : null,
  );
}

export function toolCallList(calls: readonly ToolCallView[], label: string): HTMLElement | null {
  if (calls.length === 0) return null;
  return h(
    'div',
    { class: 'pg-tool-calls', role: 'list', 'aria-label': label },
    ...calls.map((call) => {
      const entry = toolCallEntry(call);
      entry.setAttribute('role', 'listitem');
      return entry;
    }),
  );
}
