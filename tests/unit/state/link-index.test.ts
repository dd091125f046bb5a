import { describe, expect, it } from 'vitest';
import { LinkIndex } from '../../../src/state/link-index';

const index = new LinkIndex([
  { id: 'a', code: 'C0001', name: '杭州瑞丰贸易' },
  { id: 'b', code: 'C0002', name: 'Acme' },
  { id: 'c', code: 'C0003', name: 'Acme' },
  { id: 'd', code: '', name: 'No Code Ltd' },
]);

describe('LinkIndex', () => {
  it.each([
    ['C0001', { id: 'a' }],
    ['c0002', { id: 'b' }],
    [' 杭州瑞丰贸易 ', { id: 'a' }],
    ['no code ltd', { id: 'd' }],
    ['Acme', 'ambiguous'],
    ['C0003 · Acme', { id: 'c' }],
    ['a', { id: 'a' }],
    ['Nobody', 'none'],
  ])('resolves %j', (text, expected) => {
    expect(index.resolve(text)).toEqual(expected);
  });

  it('names ids and completes by code or name', () => {
    expect(index.nameOf('b')).toBe('Acme');
    expect(index.nameOf('')).toBe('');
    expect(index.complete('C000', 2).map((t) => t.id)).toEqual(['a', 'b']);
    expect(index.complete('瑞丰').map((t) => t.id)).toEqual(['a']);
  });
});
