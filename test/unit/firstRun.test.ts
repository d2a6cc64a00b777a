import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { shouldOpenWalkthrough, walkthroughId } from '../../src/onboarding/firstRun';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  contributes: {
    walkthroughs: { id: string; steps: { id: string; media: { image?: string; svg?: string; markdown?: string }; completionEvents?: string[] }[] }[];
  };
};

describe('first run', () => {
  it('opens the walkthrough once, and not when the user turned walkthroughs-on-install off', () => {
    assert.equal(shouldOpenWalkthrough({ alreadyShown: false, openOnInstall: true }), true);
    assert.equal(shouldOpenWalkthrough({ alreadyShown: true, openOnInstall: true }), false);
    assert.equal(shouldOpenWalkthrough({ alreadyShown: false, openOnInstall: false }), false);
  });

  it('names the walkthrough the manifest contributes', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.equal(walkthroughId(manifest), `predictionguard-community.prediction-guard#${walkthrough.id}`);
  });

  it('every walkthrough step has an image that ships and completes on an event', () => {
    const ignore = readFileSync(join(__dirname, '..', '..', '.vscodeignore'), 'utf8');
    for (const step of manifest.contributes.walkthroughs[0]?.steps ?? []) {
      const image = step.media.image ?? step.media.svg;
      assert.ok(image, `${step.id} has an image`);
      assert.ok(readFileSync(join(__dirname, '..', '..', image)).length > 0, `${image} exists`);
      assert.match(ignore, /!media\/walkthrough\/\*\.png/, 'the walkthrough images ship');
      assert.ok((step.completionEvents ?? []).length > 0, `${step.id} completes on an event`);
      for (const event of step.completionEvents ?? []) assert.match(event, /^(onCommand|onSettingChanged|onContext|onView):\S+$/, `${step.id}: ${event}`);
    }
  });
});
