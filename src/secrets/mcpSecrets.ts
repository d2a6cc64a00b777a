// Authorization values for MCP servers: secrets, so they live in SecretStorage (never in settings
// or a webview) and are added to the request's tool entry when it is built.
import * as vscode from 'vscode';
import { type McpAuthorizations, type SettingsTool } from '../api/parameters';

const PREFIX = 'predictionGuard.mcpAuthorization/';

export class McpSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(serverLabel: string): Promise<string | undefined> {
    return (await this.secrets.get(PREFIX + serverLabel)) || undefined;
  }

  /** Asks for the value with a masked input box; false when the user cancels. */
  async ask(serverLabel: string): Promise<boolean> {
    const value = await vscode.window.showInputBox({
      title: `Authorization for the MCP server “${serverLabel}”`,
      prompt: 'Sent as this MCP server’s `authorization` with each request. Kept in VS Code’s secret storage, never in settings.',
      password: true,
      ignoreFocusOut: true,
      placeHolder: 'e.g. Bearer …',
    });
    if (!value?.trim()) return false;
    await this.secrets.store(PREFIX + serverLabel, value.trim());
    return true;
  }

  async clear(serverLabel: string): Promise<void> {
    await this.secrets.delete(PREFIX + serverLabel);
  }

  /** The labels among `labels` that have a stored value. */
  async labelsWithSecret(labels: readonly string[]): Promise<string[]> {
    const found = await Promise.all(labels.map(async (label) => ((await this.get(label)) ? label : undefined)));
    return found.filter((label): label is string => label !== undefined);
  }

  /** The stored authorization of each MCP tool in `tools` that has one. */
  async forTools(tools: readonly SettingsTool[]): Promise<McpAuthorizations> {
    const labels = tools.flatMap((tool) => (tool.type === 'mcp' ? [tool.server_label] : []));
    const entries = await Promise.all(labels.map(async (label) => [label, await this.get(label)] as const));
    return Object.fromEntries(entries.filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
  }
}
