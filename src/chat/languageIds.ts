// A code fence's language word → the VS Code language id of a new document. Pure.

const ALIASES: Readonly<Record<string, string>> = {
  ts: 'typescript',
  tsx: 'typescriptreact',
  js: 'javascript',
  jsx: 'javascriptreact',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  python3: 'python',
  rb: 'ruby',
  rs: 'rust',
  golang: 'go',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  shell: 'shellscript',
  console: 'shellscript',
  ps1: 'powershell',
  pwsh: 'powershell',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  cs: 'csharp',
  'c#': 'csharp',
  kt: 'kotlin',
  yml: 'yaml',
  md: 'markdown',
  html: 'html',
  xml: 'xml',
  dockerfile: 'dockerfile',
  docker: 'dockerfile',
  text: 'plaintext',
  txt: 'plaintext',
  plain: 'plaintext',
  jsonc: 'jsonc',
  patch: 'diff',
};

/**
 * The language id for `fence`, when `known` (the ids VS Code has) lists it; else 'plaintext'.
 * The fallback language is used for a block with no fence word.
 */
export function languageIdFor(fence: string, known: ReadonlySet<string>, fallback = 'plaintext'): string {
  const word = fence.trim().toLowerCase();
  if (!word) return known.has(fallback) ? fallback : 'plaintext';
  const id = ALIASES[word] ?? word;
  return known.has(id) ? id : 'plaintext';
}
