// The same extension-host suite in desktop VS Code, through @vscode/test-electron — for machines
// with internet (it downloads VS Code 1.100.3). On this project's offline machines use
// runInCodeServer.ts, which runs the suite in code-server (VS Code 1.100.3's own server and workbench).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startStandIn } from '../server/standInServer';
import { makeDirs, projectRoot, quietSettings, writeUserSettings } from './codeServer';

async function main(): Promise<void> {
  const token = `pg-test-token-${Math.random().toString(36).slice(2)}`;
  const standIn = await startStandIn({ token });
  const dirs = makeDirs('pg-electron-');
  const resultsFile = join(dirs.root, 'results.json');
  writeUserSettings(dirs.userDataDir, { ...quietSettings, 'predictionGuard.baseUrl': standIn.baseUrl, 'predictionGuard.model': 'gpt-oss-120b' });
  try {
    await runTests({
      version: process.env.PG_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: projectRoot,
      extensionTestsPath: join(projectRoot, 'out', 'test', 'host', 'suite', 'index.js'),
      launchArgs: [dirs.workspace, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir, '--disable-workspace-trust'],
      extensionTestsEnv: { PG_STANDIN_CONTROL_URL: standIn.controlUrl, PG_TEST_RESULTS_FILE: resultsFile },
    });
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as { passed: number; failed: number };
    console.log(`${results.passed} passed, ${results.failed} failed`);
  } finally {
    await standIn.close();
    dirs.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
