// Model-supplied regular expressions, run by a linear-time engine (RE2) so that no pattern
// ("^(a|a)*$", "((a)+)+$") can block the extension host. Pure: no `vscode` import.
import { RE2JS } from 're2js';

/** Longest pattern the tools run (the tool's schema refuses longer queries too). */
export const MAX_PATTERN_CHARS = 500;

export type LineTest = (line: string) => boolean;

/** JavaScript syntax RE2 cannot run in linear time; named so the model can rewrite the pattern. */
const UNSUPPORTED: readonly [RegExp, string][] = [
  [/^\(\?<?[=!]/, 'lookahead and lookbehind ("(?=", "(?!", "(?<=", "(?<!")'],
  [/^\\(?:[1-9]|k<)/, 'backreferences ("\\1", "\\k<name>")'],
];

function unsupportedSyntax(source: string): string | undefined {
  for (let i = 0; i < source.length; i++) {
    const rest = source.slice(i, i + 4);
    for (const [pattern, name] of UNSUPPORTED) if (pattern.test(rest)) return name;
    if (source[i] === '\\') i++;
  }
  return undefined;
}

const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, s: RE2JS.DOTALL, m: RE2JS.MULTILINE, u: 0, g: 0 };

/** "/source/flags" (JavaScript literal form) or a bare source; flags i, s, m are honoured, u and g ignored. */
function splitLiteral(query: string): { source: string; flags: number } | string {
  const literal = /^\/(.+)\/([a-z]*)$/s.exec(query);
  if (!literal) return { source: query, flags: 0 };
  let flags = 0;
  for (const flag of literal[2] ?? '') {
    const bit = FLAGS[flag];
    if (bit === undefined) return `unsupported regular expression flag "${flag}" (use i, s or m)`;
    flags |= bit;
  }
  return { source: literal[1] ?? '', flags };
}

/** A line test for the pattern, or the reason it is refused (said to the model). */
export function compileModelRegex(query: string): LineTest | { refused: string } {
  if (query.length > MAX_PATTERN_CHARS) return { refused: `the regular expression is longer than ${MAX_PATTERN_CHARS} characters; shorten it` };
  const split = splitLiteral(query);
  if (typeof split === 'string') return { refused: split };
  const unsupported = unsupportedSyntax(split.source);
  if (unsupported) return { refused: `regular expressions here run on a linear-time engine without ${unsupported}; rewrite the pattern without them` };
  try {
    const regex = RE2JS.compile(RE2JS.translateRegExp(split.source), split.flags);
    return (line) => regex.matcher(line).find();
  } catch (error) {
    return { refused: `invalid regular expression: ${error instanceof Error ? error.message : String(error)}` };
  }
}
