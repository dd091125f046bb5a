import { describe, expect, it } from 'vitest';
import { parseHash } from '../../../src/state/router.svelte';

describe('parseHash: any address shows a page', () => {
  it.each([
    ['', 'sheets', ''],
    ['#/', 'sheets', ''],
    ['#/settings', 'settings', ''],
    ['#/sheets/deals', 'sheets', 'deals'],
    ['#/customer/c%201', 'customer', 'c 1'],
    ['#/customer/%', 'not-found', ''],
    ['#/customer/%E4%B8', 'not-found', ''],
    ['#/nowhere', 'not-found', ''],
    ['#/../settings', 'not-found', ''],
  ])('%s → %s', (hash, route, param) => {
    expect(parseHash(hash)).toEqual({ route, param });
  });
});
