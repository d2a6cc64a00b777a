// What the deployment offers: its chat models and MCP servers, loaded with the stored key (the panel
// never asks for a key on its own; it offers Set API Key instead).
import { type Session } from '../session/session';
import { type ApiClient } from '../session/types';
import { type McpServerOption, type ModelOption } from '../webview/protocol/parameters';

export type Loaded<T> = { ok: true; items: T[] } | { ok: false; error: string };

async function withClient<T>(session: Session, load: (client: ApiClient) => Promise<T[]>): Promise<Loaded<T>> {
  try {
    const client = await session.clientWithStoredKey();
    if (!client) return { ok: false, error: 'No API key is set: set one to load the list from your deployment.' };
    return { ok: true, items: await load(client) };
  } catch (error) {
    return { ok: false, error: session.failureOf(error).message };
  }
}

export function loadModels(session: Session): Promise<Loaded<ModelOption>> {
  return withClient(session, async (client) =>
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

export function loadMcpServers(session: Session): Promise<Loaded<McpServerOption>> {
  return withClient(session, async (client) =>
    (await client.listMcpServers()).map((server) => ({
      serverLabel: server.server_label,
      description: server.server_description,
      tools: server.available_tools ?? [],
    })),
  );
}
