// A node:test reporter that keeps the unit tests named "attack: …" (a hostile repository, answer or
// server refused by the pure core) and writes them as JSON to its destination, for the host run's
// reliability report (test/host/faultSummary.ts, "attacks:" line). Used next to the spec reporter.
export default async function* attackReporter(source) {
  const tests = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, details } = event.data;
    if (typeof name !== 'string' || !name.startsWith('attack: ')) continue;
    if (details?.type === 'suite') continue;
    tests.push({ name, passed: event.type === 'test:pass' });
  }
  yield JSON.stringify({ tests, at: new Date().toISOString() }, null, 2) + '\n';
}
