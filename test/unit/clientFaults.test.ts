// The client-level fault-injection suite (test/faults/) as unit tests: each fault runs the real
// PredictionGuardClient against loopback servers and must be handled without a token leak or a
// request to another server. `npx tsx test/faults/runClientFaults.ts` prints the figures.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT_FAULTS, createRig, runFault, type FaultRig } from '../faults/clientFaults';

describe('client faults', () => {
  let rig: FaultRig | undefined;
  before(async () => {
    rig = await createRig();
  });
  after(async () => {
    await rig?.close();
  });

  for (const fault of CLIENT_FAULTS) {
    it(fault.name, async (t) => {
      assert.ok(rig, 'the fault rig did not start');
      const result = await runFault(fault, rig);
      const clean = result.handled && result.tokenLeaks === 0 && result.remoteFetches === 0;
      if (fault.knownBug !== undefined) {
        assert.ok(!clean, `known bug fixed (${fault.knownBug}): remove its knownBug marker`);
        t.todo(`known bug: ${fault.knownBug}`);
      }
      assert.deepEqual(result.problems, [], result.problems.join('; '));
      assert.equal(result.tokenLeaks, 0, 'token leaks');
      assert.equal(result.remoteFetches, 0, 'remote fetches');
      assert.ok(result.handled);
    });
  }
});
