// The four read-only workspace tools as the Responses API's function tools (strict JSON Schema), and
// the zod schemas their arguments are parsed with. Pure.
import * as z from 'zod/mini';
import '../util/zodEnglish';
import { type FunctionTool } from '../api/requestSchema';

export const WORKSPACE_TOOL_NAMES = ['read_file', 'list_files', 'search_text', 'get_problems'] as const;
export type WorkspaceToolName = (typeof WORKSPACE_TOOL_NAMES)[number];

export function isWorkspaceTool(name: string): name is WorkspaceToolName {
  return (WORKSPACE_TOOL_NAMES as readonly string[]).includes(name);
}

const PATH_HELP =
  'A path relative to the workspace folder, with "/" between segments (e.g. "src/app.py"). In a workspace with several folders, the first segment is the folder\'s name. No absolute paths, no "..".';

// Strict mode: every property is listed in `required`; an optional one is nullable (null = not given).
export const WORKSPACE_TOOLS: readonly FunctionTool[] = [
  {
    type: 'function',
    name: 'read_file',
    description:
      'Read a text file of the workspace, or some of its lines. At most 400 lines or 64 KB are returned; the output says when it was cut and how to read on.',
    strict: true,
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string', description: PATH_HELP },
        start_line: { type: ['integer', 'null'], description: 'First line to read, 1-based (null: 1).' },
        end_line: { type: ['integer', 'null'], description: 'Last line to read, 1-based and inclusive (null: to the end, within the cap).' },
      },
      required: ['path', 'start_line', 'end_line'],
      additionalProperties: false,
    },
  },
  {
    type: 'function',
    name: 'list_files',
    description: 'List the files of the workspace (workspace-relative paths), optionally only those matching a glob such as "src/**/*.ts". At most 500 paths.',
    strict: true,
    parameters: {
      type: 'object',
      properties: {
        glob: { type: ['string', 'null'], description: 'A glob relative to the workspace (null: every file).' },
      },
      required: ['glob'],
      additionalProperties: false,
    },
  },
  {
    type: 'function',
    name: 'search_text',
    description:
      'Search the text files of the workspace for a string (case-insensitive) or a regular expression; returns matching lines as "path:line: text". At most 200 matches.',
    strict: true,
    parameters: {
      type: 'object',
      properties: {
        query: {
          type: 'string',
          description:
            'The text, or a regular expression when is_regex is true (RE2 syntax: no backreferences or lookaround; at most 500 characters; /pattern/i for case-insensitive).',
        },
        glob: { type: ['string', 'null'], description: 'Only files matching this workspace-relative glob (null: every file).' },
        is_regex: { type: ['boolean', 'null'], description: 'true: query is a regular expression (null: false).' },
      },
      required: ['query', 'glob', 'is_regex'],
      additionalProperties: false,
    },
  },
  {
    type: 'function',
    name: 'get_problems',
    description:
      'The editor\'s problems (errors, warnings from compilers and linters) for one file or the whole workspace, as "path:line:column severity: message".',
    strict: true,
    parameters: {
      type: 'object',
      properties: {
        path: { type: ['string', 'null'], description: `${PATH_HELP} null: every file.` },
      },
      required: ['path'],
      additionalProperties: false,
    },
  },
];

const optional = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.nullish(schema),
    z.transform((v) => v ?? undefined),
  );
const Glob = z.string().check(z.trim(), z.minLength(1), z.maxLength(500));

export const ToolArgumentSchemas = {
  read_file: z
    .object({
      path: z.string().check(z.minLength(1), z.maxLength(2000)),
      start_line: optional(z.number().check(z.int(), z.gte(1))),
      end_line: optional(z.number().check(z.int(), z.gte(1))),
    })
    .check(z.refine((a) => a.start_line === undefined || a.end_line === undefined || a.end_line >= a.start_line, { message: 'end_line is before start_line' })),
  list_files: z.object({ glob: optional(Glob) }),
  search_text: z.object({ query: z.string().check(z.minLength(1), z.maxLength(500)), glob: optional(Glob), is_regex: optional(z.boolean()) }),
  get_problems: z.object({ path: optional(z.string().check(z.minLength(1), z.maxLength(2000))) }),
} as const;

export type ToolArguments = { [K in WorkspaceToolName]: z.infer<(typeof ToolArgumentSchemas)[K]> };

export type ParsedArguments =
  | { readonly [K in WorkspaceToolName]: { readonly ok: true; readonly name: K; readonly args: ToolArguments[K] } }[WorkspaceToolName]
  | { readonly ok: false; readonly error: string };

/** The model's arguments JSON for one of our tools, checked; `error` says what is wrong in plain words. */
export function parseToolArguments(name: WorkspaceToolName, json: string): ParsedArguments {
  let value: unknown;
  try {
    value = json.trim() === '' ? {} : JSON.parse(json);
  } catch {
    return { ok: false, error: `the arguments are not valid JSON: ${json.slice(0, 200)}` };
  }
  const parsed = ToolArgumentSchemas[name].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `invalid arguments for ${name}: ${issue?.path.join('.') || 'arguments'} ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, name, args: parsed.data } as ParsedArguments;
}
