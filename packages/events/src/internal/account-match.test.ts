import { describe, expect, it } from 'vitest';
import { mentionsAccount } from './account-match';

const id = '4b31dd1d32ce6d249897c06332375d65';

describe('mentionsAccount', () => {
  it('finds the raw id in call, fax and conference keys (bh_call, bh_fax, bh_conference)', () => {
    expect(mentionsAccount(`call.${id}.CHANNEL_CREATE.*`, id)).toBe(true);
    expect(mentionsAccount(`fax.status.${id}.*`, id)).toBe(true);
    expect(mentionsAccount(`conference.event.*.${id}.conf1.*`, id)).toBe(true);
  });

  it('finds the account database and its MODB in object keys (bh_object:subscribed/4)', () => {
    expect(mentionsAccount('doc_edited.account%2F4b%2F31%2Fdd1d32ce6d249897c06332375d65.user.*', id)).toBe(true);
    expect(mentionsAccount('doc_created.account%2F4b%2F31%2Fdd1d32ce6d249897c06332375d65-202612.fax.*', id)).toBe(true);
  });

  it('does not match another account', () => {
    expect(mentionsAccount(`call.${'f'.repeat(32)}.CHANNEL_CREATE.*`, id)).toBe(false);
    expect(mentionsAccount('doc_edited.account%2Fff%2Fff%2Fffffffffffffffffffffffffffff.user.*', id)).toBe(false);
  });
});
