// What the safety checks tell the user, what a factuality check compares, and how marks follow edits.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  factualityLevel,
  factualitySummary,
  formatScore,
  injectionSummary,
  piiDiagnosticMessage,
  piiSummary,
  toxicitySummary,
} from '../../src/core/checkReport';
import { LastAnswer, factualityRequest, turnFactualityRequest } from '../../src/core/factualityInput';
import { adjustMarks } from '../../src/core/markTracking';
import { type Turn } from '../../src/chat/conversation';

describe('scores in words and numbers', () => {
  it('shows two decimals, clamped to 0–1', () => {
    assert.deepEqual([0.9234, 0.5, 0, 1.2, -0.1, Number.NaN].map(formatScore), ['0.92', '0.50', '0.00', '1.00', '0.00', '0.00']);
  });

  it('names injection, toxicity and factuality with a word', () => {
    assert.equal(injectionSummary(0.92), 'Prompt injection likely: 0.92');
    assert.equal(injectionSummary(0.5), 'Prompt injection likely: 0.50');
    assert.equal(injectionSummary(0.3), 'Prompt injection possible: 0.30');
    assert.equal(injectionSummary(0.02), 'Prompt injection unlikely: 0.02');
    assert.equal(toxicitySummary(0.7072361707687378), 'Toxic language likely: 0.71');
    assert.equal(factualitySummary(0.7879657745361328), 'Factuality high: 0.79');
    assert.deepEqual([0.1, 0.4, 0.69, 0.7].map(factualityLevel), ['low', 'medium', 'medium', 'high']);
  });

  it('sums up PII findings by type, in order of appearance', () => {
    assert.equal(
      piiSummary([{ type: 'EMAIL_ADDRESS' }, { type: 'URL' }, { type: 'PHONE_NUMBER' }, { type: 'EMAIL_ADDRESS' }]),
      '4 PII entities: EMAIL_ADDRESS, URL, PHONE_NUMBER',
    );
    assert.equal(piiSummary([{ type: 'PERSON' }]), '1 PII entity: PERSON');
    assert.equal(piiSummary([]), 'No PII found.');
    assert.equal(piiDiagnosticMessage('EMAIL_ADDRESS'), 'PII: EMAIL_ADDRESS');
  });
});

describe('factuality input', () => {
  it('reference = the question and the code; text = the answer', () => {
    assert.deepEqual(factualityRequest({ question: ' Why? ', code: [{ label: 'a.ts, lines 1–2', text: 'x = 1' }], answer: 'Because.' }), {
      reference: 'Question: Why?\n\nCode (a.ts, lines 1–2):\nx = 1',
      text: 'Because.',
    });
  });

  it('a chat turn: its prompt and selection attachments (not images); none for a turn without an answer', () => {
    const turn: Turn = {
      id: 't1',
      prompt: 'What does it do?',
      attachments: [
        { kind: 'selection', id: 'a', file: 'src/a.ts', language: 'typescript', startLine: 3, endLine: 4, text: 'let a = 1;\nlet b = 2;' },
        { kind: 'image', id: 'i', name: 'shot.png', mime: 'image/png', bytes: 10 },
      ],
      status: 'done',
      startedAt: 0,
      safeguards: [],
      answer: { text: 'It sets two variables.', model: 'm', ms: 1, incomplete: false, toolCalls: [] },
    };
    assert.deepEqual(turnFactualityRequest(turn), {
      reference: 'Question: What does it do?\n\nCode (src/a.ts, lines 3–4):\nlet a = 1;\nlet b = 2;',
      text: 'It sets two variables.',
    });
    assert.equal(turnFactualityRequest({ ...turn, status: 'error', answer: undefined }), undefined);
    assert.equal(turnFactualityRequest({ ...turn, answer: { ...turn.answer!, text: '  ' } }), undefined);
  });

  it('keeps the last answer only', () => {
    const last = new LastAnswer();
    assert.equal(last.get(), undefined);
    last.record('Explain Selection', { code: [], answer: 'one' });
    last.record('Ask About Selection', { question: 'q', code: [], answer: 'two' });
    assert.equal(last.get()?.answer, 'two');
    assert.equal(last.get()?.title, 'Ask About Selection');
  });
});

describe('marks follow edits', () => {
  const marks = [
    { start: 10, end: 20, id: 'a' },
    { start: 30, end: 40, id: 'b' },
  ];

  it('an edit before a mark moves it; one after leaves it', () => {
    assert.deepEqual(adjustMarks(marks, [{ offset: 0, length: 2, insertedLength: 5 }]), [
      { start: 13, end: 23, id: 'a' },
      { start: 33, end: 43, id: 'b' },
    ]);
    assert.deepEqual(adjustMarks(marks, [{ offset: 25, length: 1, insertedLength: 0 }]), [marks[0], { start: 29, end: 39, id: 'b' }]);
  });

  it('an edit inside a mark or at its edges removes it', () => {
    for (const change of [
      { offset: 12, length: 1, insertedLength: 1 },
      { offset: 10, length: 0, insertedLength: 1 },
      { offset: 20, length: 0, insertedLength: 1 },
      { offset: 5, length: 10, insertedLength: 0 },
    ]) {
      assert.deepEqual(
        adjustMarks(marks, [change]),
        [undefined, { start: 30 + change.insertedLength - change.length, end: 40 + change.insertedLength - change.length, id: 'b' }],
        JSON.stringify(change),
      );
    }
  });

  it('several changes of one event are all relative to the document before it', () => {
    const changes = [
      { offset: 25, length: 0, insertedLength: 3 },
      { offset: 0, length: 4, insertedLength: 0 },
    ];
    assert.deepEqual(adjustMarks(marks, changes), [
      { start: 6, end: 16, id: 'a' },
      { start: 29, end: 39, id: 'b' },
    ]);
    assert.deepEqual(adjustMarks(marks, [...changes].reverse()), adjustMarks(marks, changes));
  });
});
