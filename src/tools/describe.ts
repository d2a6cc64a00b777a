// Each tool call in words, for the consent card and the call list: "read `src/app.py`, lines 1–120".
import { isWorkspaceTool, parseToolArguments } from './definitions';

const code = (text: string): string => `\`${text.replace(/`/g, "'").slice(0, 300)}\``;

export function describeCall(name: string, argumentsJson: string): string {
  if (!isWorkspaceTool(name)) return `call your function ${code(name)} with ${code(argumentsJson.trim() || '{}')}`;
  const parsed = parseToolArguments(name, argumentsJson);
  if (!parsed.ok) return `call ${code(name)} with arguments that do not parse (${code(argumentsJson.trim() || '{}')})`;
  switch (parsed.name) {
    case 'read_file': {
      const { path, start_line: start, end_line: end } = parsed.args;
      if (start === undefined && end === undefined) return `read ${code(path)}`;
      if (end === undefined) return `read ${code(path)} from line ${start}`;
      return `read ${code(path)}, lines ${start ?? 1}–${end}`;
    }
    case 'list_files':
      return parsed.args.glob ? `list the files matching ${code(parsed.args.glob)}` : 'list the files of the workspace';
    case 'search_text': {
      const { query, glob, is_regex: regex } = parsed.args;
      return `search ${glob ? `the files matching ${code(glob)}` : 'the workspace'} for ${regex ? 'the pattern ' : ''}${code(query)}`;
    }
    case 'get_problems':
      return parsed.args.path ? `read the problems reported in ${code(parsed.args.path)}` : 'read the problems reported in the workspace';
  }
}
