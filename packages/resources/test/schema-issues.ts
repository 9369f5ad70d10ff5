import { InvalidArgumentError } from '@audian/core';
import { expect } from 'vitest';

/** The issues of the InvalidArgumentError `run` throws; fails the test when it throws nothing else. */
export function issuesOf(run: () => void): InvalidArgumentError['issues'] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return (error as InvalidArgumentError).issues;
  }
  throw new Error('expected an InvalidArgumentError');
}
