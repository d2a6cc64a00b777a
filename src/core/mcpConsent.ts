// Consent before MCP tools run on the server. Prediction Guard's API has no approval field: an MCP
// server offered in a request has its tools called by the model on its own, on the server. So before
// the first request of a conversation that offers MCP servers, the user is asked once (Allow / Not in
// this chat). Pure: the question is passed in (`AskMcpConsent`), so the rules run in plain Node.
import { type ResponsesRequest } from '../api/requestSchema';
import { inert } from './inertText';
import * as l10n from './l10n';

/** An MCP server a request would offer: its label, its URL (none: the deployment's own server), its tools when known. */
export interface OfferedMcpServer {
  readonly label: string;
  readonly url?: string;
  readonly tools?: readonly string[];
}

/** The user's answer: undefined when the question was dismissed (not in this chat, for this request only). */
export type McpConsentAnswer = 'allow' | 'notInChat' | undefined;

/** The question as shown: a short message and a plain-text detail (both inert). */
export interface McpConsentQuestion {
  readonly message: string;
  readonly detail: string;
}

export type AskMcpConsent = (question: McpConsentQuestion, signal: AbortSignal) => Promise<McpConsentAnswer>;

/** The MCP servers in a request body, in order. */
export function offeredMcpServers(body: ResponsesRequest): OfferedMcpServer[] {
  const servers: OfferedMcpServer[] = [];
  for (const tool of body.tools ?? []) {
    if (tool.type !== 'mcp') continue;
    servers.push({
      label: tool.server_label,
      ...(tool.server_url ? { url: tool.server_url } : {}),
      ...(tool.allowed_tools ? { tools: [...tool.allowed_tools] } : {}),
    });
  }
  return servers;
}

/** What one consent covers: label, URL and tools all (a changed URL or tool list is asked about again). */
export function serverKey(server: OfferedMcpServer): string {
  return JSON.stringify([server.label, server.url ?? '', server.tools ?? null]);
}

/** The body without its MCP tools (and without a `tool_choice` that names an MCP server or has no tool left). */
export function withoutMcp(body: ResponsesRequest): ResponsesRequest {
  const next: ResponsesRequest = { ...body };
  const tools = (body.tools ?? []).filter((tool) => tool.type !== 'mcp');
  if (tools.length) next.tools = tools;
  else delete next.tools;
  const choice = body.tool_choice;
  const namesMcp = typeof choice === 'object' && choice !== null && choice.type === 'mcp';
  if (namesMcp || (!tools.length && choice !== undefined && choice !== 'none')) delete next.tool_choice;
  return next;
}

function serverLine(server: OfferedMcpServer): string {
  const where = server.url ? inert(server.url) : l10n.t("the deployment's server");
  const tools = server.tools?.length ? l10n.t('tools: {0}', server.tools.map((name) => inert(name)).join(', ')) : l10n.t('tools: any the server has');
  return `• ${inert(server.label)} (${where}); ${tools}`;
}

/** The question for `servers`: which servers and tools the model may call on its own. */
export function consentQuestion(servers: readonly OfferedMcpServer[]): McpConsentQuestion {
  return {
    message: l10n.t('Let the model call MCP tools on its own in this chat? They run on the server, without asking you per call.'),
    detail: [
      l10n.t('The request offers these MCP servers (from predictionGuard.tools):'),
      ...servers.map(serverLine),
      l10n.t('“Not in this chat” sends this chat without them.'),
    ].join('\n'),
  };
}

/** Said once on the answer after the user kept MCP tools out of a conversation. */
export const withheldNotice = (): string => l10n.t('MCP tools were not offered in this chat (you chose “Not in this chat”), so the answer comes without them.');

/**
 * One conversation's consent: the servers the user allowed, and whether they said "Not in this chat".
 * A new chat (or each command run) gets a new memory, so it asks again.
 */
export class McpConsentMemory {
  private readonly allowed = new Set<string>();
  private refused = false;
  private noticeDue = false;
  private told = false;
  private asking: Promise<McpConsentAnswer> | undefined;

  /**
   * The body to send: as built when every MCP server in it is allowed in this conversation, else
   * after asking (once per conversation); without its MCP tools when the user refused or dismissed.
   */
  async gate(body: ResponsesRequest, ask: AskMcpConsent, signal: AbortSignal): Promise<ResponsesRequest> {
    const servers = offeredMcpServers(body);
    if (!servers.length) return body;
    if (!this.refused) {
      const pending = servers.filter((server) => !this.allowed.has(serverKey(server)));
      if (!pending.length) return body;
      this.asking ??= ask(consentQuestion(pending), signal).finally(() => (this.asking = undefined));
      const answer = await this.asking;
      if (answer === 'allow') {
        pending.forEach((server) => this.allowed.add(serverKey(server)));
        return body;
      }
      if (answer === 'notInChat') this.refused = true;
      else this.noticeDue = true;
    }
    // "Not in this chat" is said once per conversation; a dismissed question on the request it kept MCP out of.
    if (this.refused && !this.told) this.noticeDue = this.told = true;
    return withoutMcp(body);
  }

  /** The notice to show once after MCP tools were kept out (undefined when there is none due). */
  takeNotice(): string | undefined {
    if (!this.noticeDue) return undefined;
    this.noticeDue = false;
    return withheldNotice();
  }

  /** Whether the user refused MCP tools in this conversation. */
  get refusedInChat(): boolean {
    return this.refused;
  }
}
