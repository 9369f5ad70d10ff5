import { describe, expect, it } from 'vitest';
import { fromGregorianSeconds, GREGORIAN_OFFSET, toGregorianSeconds } from './gregorian';

describe('Gregorian seconds', () => {
  it('uses year 0 as the epoch (not year 1)', () => {
    expect(GREGORIAN_OFFSET).toBe(62167219200);
    expect(toGregorianSeconds(new Date('2025-02-01T00:00:00Z'))).toBe(63905587200);
    expect(toGregorianSeconds(0)).toBe(62167219200);
  });

  it('round-trips', () => {
    const date = new Date('2026-11-27T11:36:52Z');
    expect(fromGregorianSeconds(toGregorianSeconds(date)).toISOString()).toBe(date.toISOString());
    expect(fromGregorianSeconds('63905587200').toISOString()).toBe('2025-02-01T00:00:00.000Z');
  });

  it('drops sub-second precision by flooring', () => {
    expect(toGregorianSeconds(new Date('2025-02-01T00:00:00.999Z'))).toBe(63905587200);
  });

  it('rejects Unix seconds and garbage', () => {
    expect(() => fromGregorianSeconds(1738368000)).toThrow(/Unix seconds/);
    expect(() => fromGregorianSeconds(Number.NaN)).toThrow();
    expect(() => toGregorianSeconds(new Date('x'))).toThrow(/valid Date/);
  });
});
