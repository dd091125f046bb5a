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

describe('LinkIndex never shows a raw id (issue 24)', () => {
  const withTrash = new LinkIndex([
    { id: 'a', code: 'C0001', name: 'Acme' },
    { id: 't', code: 'C0009', name: 'Gone Ltd', trashed: true },
  ]);

  it.each([
    ['a', 'Acme'],
    ['t', 'Gone Ltd (in trash)'],
    ['4f1c2b9e-0000-4000-8000-000000000000', '(missing)'],
  ])('names %s as %j', (id, name) => {
    expect(withTrash.nameOf(id)).toBe(name);
  });

  it('says nothing of an unknown id while the targets are still being read', () => {
    expect(new LinkIndex([], false).nameOf('a')).toBe('');
  });

  it('neither resolves nor offers a trashed target', () => {
    expect(withTrash.resolve('C0009')).toBe('none');
    expect(withTrash.resolve('Gone Ltd')).toBe('none');
    expect(withTrash.resolve('t')).toBe('none');
    expect(withTrash.complete('').map((t) => t.id)).toEqual(['a']);
    expect(withTrash.size).toBe(1);
  });
});
