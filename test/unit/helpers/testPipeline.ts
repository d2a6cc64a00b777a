// A real Pipeline around the real client, pointed at the stand-in server, with the VS Code parts
// (secret storage, key prompt, model picker, log) replaced by recorders. What a unit test of a
// command's or a chat turn's flow needs, and nothing more.
import { PredictionGuardClient } from '../../../src/api/client';
import { type StreamSupport } from '../../../src/api/streamSupport';
import { ApiParametersSchema } from '../../../src/api/parameters';
import { readSettings, type Settings } from '../../../src/config/settingsSchema';
import { type McpConsentAnswer, type McpConsentQuestion } from '../../../src/core/mcpConsent';
import { Pipeline, type PipelineDeps } from '../../../src/session/pipeline';

export interface TestPipeline {
  readonly pipeline: Pipeline;
  readonly logs: string[];
  /** How often the key was asked for (the stored key counts as given without asking). */
  readonly asked: { token: number; model: number };
  /** The MCP consent questions asked, in order. */
  readonly mcpQuestions: McpConsentQuestion[];
}

export interface TestPipelineOptions {
  readonly baseUrl: string;
  readonly token?: string | undefined;
  readonly settings?: Record<string, unknown>;
  /** What the model picker answers (undefined: the user cancels). */
  readonly pick?: string;
  /** The session's memory of which servers stream (default: one per client). */
  readonly streamSupport?: StreamSupport;
  /** What the MCP consent question is answered (default: Allow). */
  readonly mcpConsent?: McpConsentAnswer;
}

export function testSettings(baseUrl: string, values: Record<string, unknown> = {}): Settings {
  const all: Record<string, unknown> = { baseUrl, model: 'gpt-oss-120b', maxRetries: 2, requestTimeoutSeconds: 10, ...values };
  return readSettings((key) => all[key]).settings;
}

export function testPipeline(options: TestPipelineOptions): TestPipeline {
  const logs: string[] = [];
  const asked = { token: 0, model: 0 };
  const mcpQuestions: McpConsentQuestion[] = [];
  const settings = testSettings(options.baseUrl, options.settings);
  const deps: PipelineDeps = {
    settings: () => settings,
    token: () => {
      asked.token++;
      return Promise.resolve(options.token);
    },
    createClient: (s, token) =>
      new PredictionGuardClient(
        { baseUrl: s.baseUrl, token, timeoutSeconds: s.requestTimeoutSeconds, maxRetries: s.maxRetries, streamSupport: options.streamSupport },
        (line) => logs.push(`client ${line}`),
      ),
    mcpAuthorizations: () => Promise.resolve({}),
    pickModel: () => {
      asked.model++;
      return Promise.resolve(options.pick);
    },
    askMcpConsent: (question) => {
      mcpQuestions.push(question);
      return Promise.resolve('mcpConsent' in options ? options.mcpConsent : 'allow');
    },
    log: { info: (l) => logs.push(`info ${l}`), warn: (l) => logs.push(`warn ${l}`), trace: (l) => logs.push(`trace ${l}`) },
  };
  return { pipeline: new Pipeline(deps), logs, asked, mcpQuestions };
}

export const DEFAULT_PARAMS = ApiParametersSchema.parse({ model: 'gpt-oss-120b' });

export async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 10));
  }
}
