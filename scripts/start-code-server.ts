// `npm start`: try the extension in a real VS Code in your browser, on a fresh machine.
// Provisions code-server, packages the extension as a VSIX, installs it, starts the stand-in
// Prediction Guard server (unless PG_BASE_URL points at a real one) and code-server.
//
//   PORT=8080            port of the VS Code page (http://127.0.0.1:PORT)
//   PG_BASE_URL=https:// use this Prediction Guard API instead of the local stand-in
//   PG_MODEL=name        the predictionGuard.model user setting (stand-in default: gpt-oss-120b)
//   PG_WORKSPACE=/path   the folder to open (default: a temp copy of test/fixtures/workspace)
//   PG_STANDIN_PORT=8787 port of the stand-in API (its control port is the next one)
//   PG_API_KEY           cannot be pre-seeded (keys live in the browser's SecretStorage): see below
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startStandIn, type StandIn } from '../test/server/standInServer';
import {
  installExtension,
  makeDirs,
  projectRoot,
  provision,
  quietSettings,
  startCodeServer,
  writeUserSettings,
  type CodeServer,
} from '../test/host/codeServer';

const DEMO_TOKEN = 'pg-local-stand-in-key';
const DEMO_ANSWER = [
  'This answer comes from the **local stand-in server**, not from a model.',
  '',
  'It shows where answers land. To ask a real Prediction Guard API, stop this (Ctrl+C) and run',
  '`PG_BASE_URL=https://api.predictionguard.com npm start`, then run "Prediction Guard: Set API Key".',
].join('\n');

function packageVsix(outDir: string): string {
  const vsix = join(outDir, 'prediction-guard.vsix');
  console.log('start: packaging the extension (vsce; runs the release build)…');
  const result = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  return vsix;
}

async function main(): Promise<void> {
  provision();
  const dirs = makeDirs('pg-start-');
  const stops: (() => Promise<void> | void)[] = [() => dirs.cleanup()];
  let stopping: Promise<void> | undefined;
  const stopAll = async (code: number): Promise<never> => {
    stopping ??= (async () => {
      for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    })();
    await stopping;
    process.exit(code);
  };
  // `on`, not `once`: Ctrl+C reaches this process twice (from the terminal and relayed by tsx).
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    installExtension(packageVsix(dirs.root), dirs.extensionsDir, dirs.userDataDir);
    const givenBaseUrl = process.env.PG_BASE_URL;
    let standIn: StandIn | undefined;
    if (!givenBaseUrl) {
      const port = Number(process.env.PG_STANDIN_PORT ?? 8787);
      standIn = await startStandIn({ token: DEMO_TOKEN, port, controlPort: port + 1 });
      standIn.setDefault('/responses', { kind: 'text', text: DEMO_ANSWER });
      const running = standIn;
      stops.push(() => running.close());
    }
    const baseUrl = givenBaseUrl ?? standIn?.baseUrl ?? '';
    const model = process.env.PG_MODEL ?? (standIn ? 'gpt-oss-120b' : undefined);
    writeUserSettings(dirs.userDataDir, {
      ...quietSettings,
      'predictionGuard.baseUrl': baseUrl,
      ...(model ? { 'predictionGuard.model': model } : {}),
    });
    const server: CodeServer = await startCodeServer({
      dirs,
      port: Number(process.env.PORT ?? 8080),
      ...(process.env.PG_WORKSPACE ? { workspace: process.env.PG_WORKSPACE } : {}),
      logFile: join(dirs.root, 'code-server.log'),
    });
    stops.push(() => server.stop());
    server.process.once('exit', () => {
      if (!stopping) console.error(`start: code-server stopped unexpectedly (log: ${server.logFile})`);
      void stopAll(1);
    });

    const lines = [
      '',
      `  Prediction Guard in VS Code (code-server) is running: open  ${server.url}/`,
      `  Workspace: ${process.env.PG_WORKSPACE ?? dirs.workspace}`,
      `  API base URL: ${baseUrl}${standIn ? '  (the local stand-in: canned answers, no model)' : ''}`,
    ];
    if (standIn) {
      lines.push(`  API key: run "Prediction Guard: Set API Key" and paste  ${DEMO_TOKEN}`);
    } else {
      lines.push('  API key: run "Prediction Guard: Set API Key" and paste your Prediction Guard key.');
    }
    if (process.env.PG_API_KEY) {
      lines.push(
        '  Note: PG_API_KEY cannot be filled in for you: VS Code keeps keys in SecretStorage, which',
        '  code-server holds in the browser. Run "Prediction Guard: Set API Key" and paste it once.',
      );
    }
    lines.push('  Select some code, right-click > Prediction Guard, or use the command palette (F1).', '  Press Ctrl+C to stop.', '');
    console.log(lines.join('\n'));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}

void main();
