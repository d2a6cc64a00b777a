/**
 * Starts the stand-in Prediction Guard server:
 *   tsx test/server/main.ts [--port N] [--control-port N] [--token T]
 * prints one JSON line {"baseUrl", "controlUrl", "token"} and runs until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startStandIn } from './standInServer';

function portOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be a port number, got ${value}`);
  return port;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'control-port': { type: 'string' }, token: { type: 'string' } },
    strict: true,
  });
  const standIn = await startStandIn({
    port: portOption(values.port, 'port'),
    controlPort: portOption(values['control-port'], 'control-port'),
    token: values.token,
  });
  process.stdout.write(JSON.stringify({ baseUrl: standIn.baseUrl, controlUrl: standIn.controlUrl, token: standIn.token }) + '\n');
  const stop = (): void => {
    standIn.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`stand-in: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
