// The request preview of the parameters panel (pure): the exact body the next selection command
// sends with given parameters, with the selection as a placeholder, and the same as a cURL command
// whose key is an environment variable — the token itself is never in it.
import { buildRequest, mcpBinding, type ApiParameters } from '../api/parameters';
import { type ResponsesRequest } from '../api/requestSchema';
import { taskInput } from './tasks';

export const SELECTION_PLACEHOLDER = '«your selection»';
export const MODEL_PLACEHOLDER = '«model picked on first use»';
export const SECRET_PLACEHOLDER = '«stored in secret storage»';
export const TOKEN_VARIABLE = 'PREDICTIONGUARD_API_KEY';

export function previewRequest(params: ApiParameters, mcpLabelsWithSecret: readonly string[] = []): ResponsesRequest {
  const input = taskInput('explain', {
    fileName: '«file»',
    languageId: '«language»',
    startLine: 1,
    endLine: 1,
    text: SELECTION_PLACEHOLDER,
    diagnostics: [],
  });
  const secrets = Object.fromEntries(
    params.tools.flatMap((tool) =>
      tool.type === 'mcp' && mcpLabelsWithSecret.includes(tool.server_label) ? [[mcpBinding(tool.server_label, tool.server_url), SECRET_PLACEHOLDER]] : [],
    ),
  );
  return buildRequest({ ...params, model: params.model || MODEL_PLACEHOLDER }, input, secrets);
}

/** Quotes `text` for a POSIX shell. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlCommand(baseUrl: string, body: ResponsesRequest): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/responses`;
  return [
    `curl ${shellQuote(url)}`,
    `  -H "Authorization: Bearer $${TOKEN_VARIABLE}"`,
    `  -H 'Content-Type: application/json'`,
    `  --data-raw ${shellQuote(JSON.stringify(body, null, 2))}`,
  ].join(' \\\n');
}
