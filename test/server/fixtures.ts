/** Fixed answers of the stand-in's GET endpoints, in the shapes of models.yaml and mcp.yaml. */

export const CAPABILITIES = [
  'chat_completion',
  'chat_with_image',
  'completion',
  'embedding',
  'embedding_with_image',
  'tokenize',
  'detokenize',
  'rerank',
  'tool_calling',
  'reasoning',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The `{capability}` path values of models.yaml, each with the capability flag it selects. */
export const CAPABILITY_PATHS: Readonly<Record<string, Capability>> = {
  'chat-completion': 'chat_completion',
  'chat-with-image': 'chat_with_image',
  completion: 'completion',
  embedding: 'embedding',
  'embedding-with-image': 'embedding_with_image',
  tokenize: 'tokenize',
  detokenize: 'detokenize',
  rerank: 'rerank',
  tool_calling: 'tool_calling',
  reasoning: 'reasoning',
};

export interface ModelInfo {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  description: string;
  max_context_length: number;
  prompt_format: string;
  capabilities: Record<Capability, boolean>;
}

function capabilities(...on: Capability[]): Record<Capability, boolean> {
  return Object.fromEntries(CAPABILITIES.map((c) => [c, on.includes(c)])) as Record<Capability, boolean>;
}

export const MODELS: readonly ModelInfo[] = [
  {
    id: 'gpt-oss-120b',
    object: 'model',
    created: 1730332800,
    owned_by: 'OpenAI',
    description: 'GPT-OSS 120b is an OpenAI model for powerful reasoning, agentic tasks, and high reasoning use cases.',
    max_context_length: 128000,
    prompt_format: 'none',
    capabilities: capabilities('chat_completion', 'completion', 'tokenize', 'detokenize', 'tool_calling', 'reasoning'),
  },
  {
    id: 'Hermes-3-Llama-3.1-8B',
    object: 'model',
    created: 1725321600,
    owned_by: 'NousResearch',
    description: 'Hermes 3 is a generalist language model with advanced agentic capabilities and function calling.',
    max_context_length: 20480,
    prompt_format: 'chatml',
    capabilities: capabilities('chat_completion', 'completion', 'tokenize', 'detokenize', 'tool_calling'),
  },
  {
    id: 'Qwen2.5-VL-7B-Instruct',
    object: 'model',
    created: 1738540800,
    owned_by: 'Qwen',
    description: 'Qwen2.5-VL is a vision-language model that understands images and text.',
    max_context_length: 32768,
    prompt_format: 'chatml',
    capabilities: capabilities('chat_completion', 'chat_with_image'),
  },
  {
    id: 'bge-m3',
    object: 'model',
    created: 1717200000,
    owned_by: 'BAAI',
    description: 'BGE-M3 is a multilingual text embedding model.',
    max_context_length: 8192,
    prompt_format: 'none',
    capabilities: capabilities('embedding'),
  },
];

/** GET /models (capability undefined) or GET /models/{capability}; undefined for an unknown capability. */
export function modelsAnswer(capabilityPath?: string): { object: 'list'; data: ModelInfo[] } | undefined {
  if (capabilityPath === undefined) return { object: 'list', data: [...MODELS] };
  const capability = CAPABILITY_PATHS[capabilityPath];
  if (capability === undefined) return undefined;
  return { object: 'list', data: MODELS.filter((m) => m.capabilities[capability]) };
}

/** The "Basic" example of GET /mcp_servers. */
export const MCP_SERVERS_ANSWER = {
  object: 'list',
  data: [
    {
      server_label: 'test_mcp_server',
      object: 'mcp_server',
      created: 1730332800,
      owned_by: 'Prediction Guard',
      server_description: 'An MCP server used for testing MCP functionality.',
      available_tools: ['test_mcp_tool'],
    },
  ],
} as const;

/** The "Basic" example of GET /mcp_tools. */
export const MCP_TOOLS_ANSWER = {
  object: 'list',
  data: {
    test_mcp_server: [
      {
        id: 'test_mcp_tool',
        object: 'mcp_tool',
        created: 1730332800,
        owned_by: 'Prediction Guard',
        description: 'A tool for testing MCP functionality',
        parameters: {
          properties: {
            description: { default: null, description: 'Query description', type: 'string' },
            query: { description: 'SOQL query to execute', type: 'string' },
          },
          required: ['query'],
          type: 'object',
        },
      },
    ],
  },
} as const;
