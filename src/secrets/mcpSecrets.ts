// Authorization values for MCP servers: secrets, so they live in SecretStorage (never in settings
// or a webview) and are added to the request's tool entry when it is built.
//
// Each value is bound to the server label AND the server URL it was saved for (`mcpBinding`), so a
// workspace tool that reuses a label with its own URL never gets it.
//
// Values saved by earlier versions under the label alone: such a value is bound, at its first use,
// to the URL(s) the user's own settings (never a workspace's) give that label, then the label-only
// entry is deleted. The user chose those tools, so this is where the value was meant to go; a label
// that only a workspace uses is never bound automatically (the user sets the value again for it).
import * as vscode from 'vscode';
import { inert } from '../core/inertText';
import { mcpBinding, type McpAuthorizations, type SettingsTool } from '../api/parameters';

const LEGACY_PREFIX = 'predictionGuard.mcpAuthorization/';
const PREFIX = 'predictionGuard.mcpAuthorization.bound/';

interface McpServer {
  readonly serverLabel: string;
  /** Undefined for a server the gateway knows by its label. */
  readonly serverUrl?: string;
}

function mcpServers(tools: readonly SettingsTool[]): McpServer[] {
  return tools.flatMap((tool) => (tool.type === 'mcp' ? [{ serverLabel: tool.server_label, serverUrl: tool.server_url }] : []));
}

export class McpSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(server: McpServer): Promise<string | undefined> {
    return (await this.secrets.get(PREFIX + mcpBinding(server.serverLabel, server.serverUrl))) || undefined;
  }

  /** Asks for the value with a masked input box, naming the URL it is bound to; false when the user cancels. */
  async ask(server: McpServer): Promise<boolean> {
    const value = await vscode.window.showInputBox({
      title: server.serverUrl
        ? vscode.l10n.t('Authorization for the MCP server “{0}” at {1}', server.serverLabel, server.serverUrl)
        : vscode.l10n.t('Authorization for the MCP server “{0}”', server.serverLabel),
      prompt: vscode.l10n.t(
        'Sent as this MCP server’s `authorization` with each request, only while its URL is {0}. Kept in VS Code’s secret storage, never in settings.',
        // The prompt renders `[text](command:…)` as a link that runs the command; the title does not.
        inert(server.serverUrl ?? vscode.l10n.t('the one your deployment knows it by')),
      ),
      password: true,
      ignoreFocusOut: true,
      placeHolder: vscode.l10n.t('e.g. Bearer …'),
    });
    if (!value?.trim()) return false;
    await this.secrets.store(PREFIX + mcpBinding(server.serverLabel, server.serverUrl), value.trim());
    return true;
  }

  /** Deletes the value bound to this server, and any label-only value of earlier versions. */
  async clear(server: McpServer): Promise<void> {
    await this.secrets.delete(PREFIX + mcpBinding(server.serverLabel, server.serverUrl));
    await this.secrets.delete(LEGACY_PREFIX + server.serverLabel);
  }

  /** The labels of the MCP tools in `tools` that have a value stored for their label and URL. */
  async labelsWithSecret(tools: readonly SettingsTool[]): Promise<string[]> {
    const found = await Promise.all(mcpServers(tools).map(async (server) => ((await this.get(server)) ? server.serverLabel : undefined)));
    return found.filter((label): label is string => label !== undefined);
  }

  /**
   * The stored authorization of each MCP tool in `tools` that has one for its label and URL, keyed by
   * `mcpBinding`. `userTools` (the user's own settings, never a workspace's) bind label-only values.
   */
  async forTools(tools: readonly SettingsTool[], userTools: readonly SettingsTool[] = []): Promise<McpAuthorizations> {
    await this.bindLegacy(userTools);
    const entries = await Promise.all(
      mcpServers(tools).map(async (server) => [mcpBinding(server.serverLabel, server.serverUrl), await this.get(server)] as const),
    );
    return Object.fromEntries(entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
  }

  /** Binds each label-only value to the URLs the user's own tools give that label, then deletes it. */
  private async bindLegacy(userTools: readonly SettingsTool[]): Promise<void> {
    const servers = mcpServers(userTools);
    for (const label of new Set(servers.map((s) => s.serverLabel))) {
      const legacy = await this.secrets.get(LEGACY_PREFIX + label);
      if (!legacy) continue;
      for (const server of servers.filter((s) => s.serverLabel === label)) {
        if (!(await this.get(server))) await this.secrets.store(PREFIX + mcpBinding(server.serverLabel, server.serverUrl), legacy);
      }
      await this.secrets.delete(LEGACY_PREFIX + label);
    }
  }
}
