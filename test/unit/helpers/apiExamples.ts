// The documented 200 examples of models.yaml (GET /models/{capability}) and mcp.yaml (GET /mcp_servers).

export const MODEL_EXAMPLE = {
  id: 'gpt-oss-120b',
  object: 'model',
  created: 1730332800,
  owned_by: 'OpenAI',
  description: 'GPT-OSS 120b is an OpenAI model for powerful reasoning, agentic tasks, and high reasoning use cases.',
  max_context_length: 128000,
  prompt_format: 'none',
  capabilities: {
    chat_completion: true,
    chat_with_image: false,
    completion: true,
    embedding: false,
    embedding_with_image: false,
    tokenize: true,
    detokenize: true,
    rerank: false,
    tool_calling: true,
    reasoning: true,
  },
};

export const MCP_SERVER_EXAMPLE = {
  server_label: 'test_mcp_server',
  object: 'mcp_server',
  created: 1730332800,
  owned_by: 'Prediction Guard',
  server_description: 'An MCP server used for testing MCP functionality.',
  available_tools: ['test_mcp_tool'],
};
