// Helpers to run a real VS Code (code-server) for the host tests and `npm start`:
// provisioning, free ports, fresh temp dirs, user settings, start / stop of the server.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { selectedVscode } from './vscodeVersions';

/** The project root (this file is test/host/codeServer.ts). */
export const projectRoot = resolve(__dirname, '..', '..');
export const fixtureWorkspace = join(projectRoot, 'test', 'fixtures', 'workspace');
/** The VS Code this run uses (`--vscode latest` or PG_VSCODE=latest; 1.100.3 by default). */
export const vscode = selectedVscode;
export const cacheDir = vscode.cacheDir;
export const codeServerBin = join(cacheDir, 'node_modules', '.bin', 'code-server');

/** The environment code-server runs in: its own Node first on PATH when it needs one (VS Code 1.139 wants Node 24). */
function codeServerEnv(extra?: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (vscode.nodeBinDir) env.PATH = [vscode.nodeBinDir, env.PATH].filter(Boolean).join(delimiter);
  return env;
}

/** Runs scripts/provision-vscode.sh for the chosen version (fast when everything is there); throws when it fails. */
export function provision(): void {
  const result = spawnSync('bash', [join(projectRoot, 'scripts', 'provision-vscode.sh'), vscode.choice], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/provision-vscode.sh ${vscode.choice} failed (exit ${String(result.status)})`);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('no port'))));
    });
  });
}

export interface Dirs {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  /** Removes everything under root. */
  cleanup(): void;
}

/** Fresh user-data, extensions and workspace dirs under os.tmpdir(); the workspace is a copy of the fixture. */
export function makeDirs(prefix = 'pg-host-', workspaceSource: string = fixtureWorkspace): Dirs {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    workspace: join(root, 'workspace'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  mkdirSync(dirs.userDataDir, { recursive: true });
  mkdirSync(dirs.extensionsDir, { recursive: true });
  cpSync(workspaceSource, dirs.workspace, { recursive: true });
  return dirs;
}

/** Settings that keep code-server's welcome pages, tips and notifications out of the way. */
export const quietSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.commandCenter.enabled': false,
  // VS Code 1.139 opens its own Chat view in the secondary side bar of a new window; 1.100 has no such setting.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // VS Code 1.139 opens the settings editors (and settings.json) in a modal window over the editors,
  // with no tab; 1.100 has no such setting. The tests find them as editors in a group, as on 1.100.
  'workbench.editor.useModal': 'off',
};

/**
 * The quiet settings VS Code registers with `machine` scope: in code-server's window (a remote one) it
 * reads those from the remote machine's settings (<user-data-dir>/Machine/settings.json), not from the
 * user settings, and so does the extension (it opens its walkthrough unless this one is off).
 */
const quietMachineSettings: Record<string, unknown> = {
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

/**
 * Writes <user-data-dir>/User/settings.json (and, on VS Code 1.139, the machine-scoped quiet settings to
 * <user-data-dir>/Machine/settings.json). Must run before code-server starts: it ignores later disk edits.
 */
export function writeUserSettings(userDataDir: string, settings: Record<string, unknown>): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');
  if (!vscode.machineSettingsFile) return;
  mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
  writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify(quietMachineSettings, null, 2) + '\n');
}

export interface CodeServer {
  port: number;
  url: string;
  process: ChildProcess;
  logFile: string;
  /** Kills the whole process group (server, extension hosts, watchers) and waits for the server to exit. */
  stop(): Promise<void>;
}

export interface StartOptions {
  dirs: Dirs;
  /** The folder to open (default dirs.workspace). */
  workspace?: string;
  port?: number;
  host?: string;
  env?: Record<string, string>;
  /** Where code-server's output goes (default <dirs.root>/code-server.log). */
  logFile?: string;
  timeoutMs?: number;
  /** More code-server arguments, e.g. ['--log', 'trace']. */
  extraArgs?: string[];
  /** Keep Workspace Trust on (no `--disable-workspace-trust`): the folder opens untrusted until trusted. */
  workspaceTrust?: boolean;
}

/** Installs a VSIX into an extensions dir with code-server's own CLI. */
export function installExtension(vsix: string, extensionsDir: string, userDataDir: string): void {
  const result = spawnSync(codeServerBin, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
    env: codeServerEnv(),
  });
  if (result.status !== 0) throw new Error(`--install-extension failed:\n${result.stdout}\n${result.stderr}`);
}

/** Starts code-server on the dirs' workspace and resolves once it answers HTTP. */
export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const { dirs } = options;
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? join(dirs.root, 'code-server.log');
  const args = [
    '--auth',
    'none',
    '--bind-addr',
    `${host}:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir',
    dirs.userDataDir,
    '--extensions-dir',
    dirs.extensionsDir,
    ...(options.extraArgs ?? []),
    options.workspace ?? dirs.workspace,
  ];
  const log = createWriteStream(logFile);
  const child = spawn(codeServerBin, args, {
    detached: true, // its own process group, so stop() reaches the extension hosts too
    stdio: ['ignore', 'pipe', 'pipe'],
    env: codeServerEnv(options.env),
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  const exitedPromise = new Promise<void>((done) =>
    child.once('exit', () => {
      exited = true;
      done();
    }),
  );
  const killGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    if (!exited) {
      killGroup('SIGTERM');
      const timer = new Promise<void>((done) => setTimeout(done, 5000));
      await Promise.race([exitedPromise, timer]);
    }
    killGroup('SIGKILL'); // stragglers in the group (extension hosts, file watchers)
    log.end();
  };
  const onExit = (): void => killGroup('SIGKILL');
  process.once('exit', onExit);

  const url = `http://${host}:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited early; log:\n${readLog(logFile)}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return { port, url, process: child, logFile, stop };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  await stop();
  throw new Error(`code-server did not answer on ${url} in time; log:\n${readLog(logFile)}`);
}

function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(-4000);
  } catch {
    return '(no log)';
  }
}

/** A `vscode-remote://` URI for an absolute path on the code-server machine. */
export function remoteUri(port: number, absPath: string, host = '127.0.0.1'): string {
  return `vscode-remote://${host}:${port}${absPath}`;
}

/** What a run must undo at its end or on Ctrl+C (servers, browsers, temp dirs): last added, first undone; one failing does not stop the rest. */
export class Cleanups {
  private steps: (() => Promise<void> | void)[] = [];

  push(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }

  async run(): Promise<void> {
    const steps = this.steps.reverse();
    this.steps = [];
    for (const step of steps) {
      try {
        await step();
      } catch {
        // keep cleaning
      }
    }
  }
}
