// Writes l10n/bundle.l10n.json, the English bundle: every message of an `l10n.t` call in src/
// (`vscode.l10n.t` in adapters, src/core/l10n.ts in pure modules) and in media/ (the webviews,
// media/shared/l10n.ts, which get the bundle from the host), in source order. `npm run l10n`.
// (@vscode/l10n-dev's export skips files that do not import vscode, so it misses the pure modules.)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scanSource, scanWebviewSource } from './l10nScan';

const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

const bundle: Record<string, string> = {};
const unextractable: string[] = [];
const scans = [
  ...sourceFiles(join(root, 'src')).map((file) => ({ file, scan: scanSource })),
  ...sourceFiles(join(root, 'media')).map((file) => ({ file, scan: scanWebviewSource })),
];
for (const { file, scan } of scans) {
  for (const call of scan(file, readFileSync(file, 'utf8')).l10nCalls) {
    if (call.message === undefined) unextractable.push(`${relative(root, file)}:${call.line}`);
    else bundle[call.message] = call.message;
  }
}
mkdirSync(join(root, 'l10n'), { recursive: true });
writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} messages`);
if (unextractable.length) console.log(`Not extracted (the message is not a literal; fine only for a forwarder): ${unextractable.join(', ')}`);
