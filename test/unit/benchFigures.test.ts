// The bench's arithmetic: what `npm run bench` prints must be the median and p90 of the samples.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { line, quantile, summarize } from '../bench/figures';

describe('bench figures', () => {
  it('median and p90 by nearest rank, whatever the order of the samples', () => {
    const samples = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    assert.equal(quantile(samples, 0.5), 5);
    assert.equal(quantile(samples, 0.9), 9);
    assert.equal(quantile([42], 0.9), 42);
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });

  it('the ratio is the median over the floor’s median, and the line shows the change against the baseline', () => {
    const summary = summarize({ key: 'placed.fast', title: 'command → placed', samples: [30, 40, 50], floor: [10, 20, 30] });
    assert.deepEqual(
      { n: summary.n, median: summary.median, p90: summary.p90, floor: summary.floorMedian, ratio: summary.ratio },
      { n: 3, median: 40, p90: 50, floor: 20, ratio: 2 },
    );
    const printed = line(summary, { ...summary, median: 80 });
    assert.match(printed, /median +40\.0 ms/);
    assert.match(printed, /floor 20\.0 ms +×2\.00/);
    assert.match(printed, /baseline 80\.0 ms, -50 %/);
  });

  it('a webview floor keeps its network-only median beside it, and the ratio stays over the webview floor', () => {
    const summary = summarize({
      key: 'chat.turn.early',
      title: 'chat: Enter → answer shown',
      samples: [90, 100, 110],
      floor: [40, 50, 60],
      floorNetwork: [3, 4, 5],
    });
    assert.equal(summary.ratio, 2);
    assert.equal(summary.networkMedian, 4);
    assert.match(line(summary), /floor 50\.0 ms +×2\.00 \(network only 4\.0 ms\)/);
    assert.doesNotMatch(line(summarize({ key: 'k', title: 't', samples: [1], floor: [1] })), /network only/);
  });
});
