// What the deployment offers: its chat models and MCP servers, loaded with the stored key (the panel
// never asks for a key on its own; it offers Set API Key instead).
import { type PredictionGuardClient } from '../api/client';
import { clientFor } from '../commands/services';
import { PredictionGuardError } from '../api/errors';
import { currentSettings } from '../config/settings';
import { type TokenStore } from '../secrets/tokenStore';
import { type McpServerOption, type ModelOption } from '../webview/protocol/parameters';

export type Loaded<T> = { ok: true; items: T[] } | { ok: false; error: string };

async function withClient<T>(tokens: TokenStore, load: (client: PredictionGuardClient) => Promise<T[]>): Promise<Loaded<T>> {
  try {
    const token = await tokens.get();
    if (!token) return { ok: false, error: 'No API key is set: set one to load the list from your deployment.' };
    return { ok: true, items: await load(clientFor(currentSettings().settings, token)) };
  } catch (error) {
    return { ok: false, error: error instanceof PredictionGuardError || error instanceof Error ? error.message : String(error) };
  }
}

export function loadModels(tokens: TokenStore): Promise<Loaded<ModelOption>> {
  return withClient(tokens, async (client) =>
    (await client.listModels('chat-completion')).map((model) => ({
      id: model.id,
      description: model.description,
      maxContextLength: model.max_context_length,
      capabilities: Object.entries(model.capabilities ?? {})
        .filter(([, on]) => on)
        .map(([name]) => name),
    })),
  );
}

export function loadMcpServers(tokens: TokenStore): Promise<Loaded<McpServerOption>> {
  return withClient(tokens, async (client) =>
    (await client.listMcpServers()).map((server) => ({
      serverLabel: server.server_label,
      description: server.server_description,
      tools: server.available_tools ?? [],
    })),
  );
}
