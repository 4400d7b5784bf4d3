import { describe, expect, it } from 'vitest';
import { couldNot, errorMessage, failureSentence } from '../../../shared/util/error-message';

describe('errorMessage', () => {
  it("gives an Error's message and anything else as text", () => {
    expect(errorMessage(new TypeError('bad row'))).toBe('bad row');
    expect(errorMessage('quota')).toBe('quota');
    expect(errorMessage(42)).toBe('42');
  });
});

describe('couldNot', () => {
  it('ends the reason with one full stop, whether or not it had one', () => {
    expect(couldNot('save the candidate', new Error('The name is required.'))).toBe('Could not save the candidate: The name is required.');
    expect(couldNot('save the candidate', new Error('the disk is full'))).toBe('Could not save the candidate: the disk is full.');
    expect(couldNot('save the candidate', new Error('Is the file open elsewhere?'))).toBe('Could not save the candidate: Is the file open elsewhere?');
  });

  it('adds what happened to the data after the reason, without a doubled full stop', () => {
    // The write path's refusals end "… Nothing was saved."; the caller's own sentence follows once.
    expect(couldNot('import Acme ladder', new Error('Level L3 has no criteria.'), 'Nothing was written.')).toBe('Could not import Acme ladder: Level L3 has no criteria. Nothing was written.');
    expect(couldNot('load the sample cycle', 'blocked', 'Nothing was changed.')).toBe('Could not load the sample cycle: blocked. Nothing was changed.');
  });

  it('says only what failed when there is no reason', () => {
    expect(couldNot('disconnect', new Error(''))).toBe('Could not disconnect.');
    expect(couldNot('disconnect', new Error('  '), 'Nothing was changed.')).toBe('Could not disconnect. Nothing was changed.');
  });
});

describe('failureSentence', () => {
  it('gives the reason as one sentence, then what happened to the data, without a doubled full stop', () => {
    // The import's refusal panel read "…refused: level: required.. Nothing was imported" before (session 12).
    expect(failureSentence(new Error('A packets row was refused: level: required.'), 'Nothing was imported.')).toBe('A packets row was refused: level: required. Nothing was imported.');
    expect(failureSentence(new Error('The import stopped unexpectedly'), 'Nothing was imported.')).toBe('The import stopped unexpectedly. Nothing was imported.');
    expect(failureSentence('Is the disk full?')).toBe('Is the disk full?');
  });

  it('says something went wrong when there is no reason', () => {
    expect(failureSentence(new Error(' '), 'Nothing was imported.')).toBe('Something went wrong. Nothing was imported.');
  });
});
