import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import {
  AppStorageError,
  createStorageErrorBus,
  handleStorageError,
  storageErrors,
  toAppStorageError,
  type StorageErrorKind,
} from '../../../src/storage/errors';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('toAppStorageError', () => {
  it.each<[string, () => unknown, StorageErrorKind]>([
    ['a DOMException QuotaExceededError', quota, 'quota'],
    ['Dexie.QuotaExceededError', () => new Dexie.QuotaExceededError('full'), 'quota'],
    [
      'an old Firefox quota error',
      () => Object.assign(new Error('x'), { name: 'NS_ERROR_DOM_QUOTA_REACHED' }),
      'quota',
    ],
    [
      'a QuotaExceededError that Dexie wraps inside an AbortError',
      () => new Dexie.AbortError('aborted', quota()),
      'quota',
    ],
    [
      'a quota error two levels deep',
      () => new Dexie.OpenFailedError('open', new Dexie.AbortError('aborted', quota())),
      'quota',
    ],
    [
      'a quota error among the failures of a BulkError',
      () => new Dexie.BulkError('bulk', { 3: quota() }),
      'quota',
    ],
    ['a quota error as the standard cause', () => new Error('write failed', { cause: quota() }), 'quota'],
    ['VersionError', () => new DOMException('v', 'VersionError'), 'versionchange'],
    ['Dexie.VersionChangeError', () => new Dexie.VersionChangeError('v'), 'versionchange'],
    ['Dexie.DatabaseClosedError', () => new Dexie.DatabaseClosedError('closed'), 'versionchange'],
    [
      'a blocked IDBVersionChangeEvent',
      () => ({ type: 'blocked', oldVersion: 10, newVersion: 20 }),
      'blocked',
    ],
    ['DataError', () => new DOMException('d', 'DataError'), 'corrupt'],
    ['InvalidStateError', () => new DOMException('d', 'InvalidStateError'), 'corrupt'],
    ['Dexie.UnknownError', () => new Dexie.UnknownError('internal'), 'corrupt'],
    [
      'an AbortError wrapping UnknownError',
      () => new Dexie.AbortError('a', new Dexie.UnknownError('u')),
      'corrupt',
    ],
    ['an AbortError with nothing inside', () => new Dexie.AbortError('aborted'), 'unknown'],
    ['a ConstraintError', () => new Dexie.ConstraintError('dup'), 'unknown'],
    ['a TypeError', () => new TypeError('x is undefined'), 'unknown'],
    ['a string', () => 'boom', 'unknown'],
    ['null', () => null, 'unknown'],
  ])('%s → %s', (_name, make, kind) => {
    const error = toAppStorageError(make());
    expect(error).toBeInstanceOf(AppStorageError);
    expect(error.kind).toBe(kind);
  });

  it('keeps the original error as cause and its message', () => {
    const original = new Dexie.AbortError('Transaction aborted', quota());
    const error = toAppStorageError(original);
    expect(error.cause).toBe(original);
    expect(error.message).toContain('Transaction aborted');
  });

  it('returns an AppStorageError as it is', () => {
    const error = new AppStorageError('not-found', 'no such row', { ids: ['x'] });
    expect(toAppStorageError(error)).toBe(error);
  });

  it('finds our own error when Dexie wrapped it, unless a full disk is also in the chain', () => {
    const own = new AppStorageError('not-found', 'no such row', { ids: ['x'] });
    expect(toAppStorageError(new Dexie.AbortError('aborted', own))).toBe(own);
    const both = new Dexie.BulkError('bulk', { 0: own, 1: quota() });
    expect(toAppStorageError(both).kind).toBe('quota');
  });

  it('survives an error chain with a cycle', () => {
    const a = new Error('a') as Error & { inner?: unknown };
    const b = new Error('b', { cause: a });
    a.inner = b;
    expect(toAppStorageError(a).kind).toBe('unknown');
  });
});

describe('storage error bus', () => {
  it('delivers to subscribers until they unsubscribe', () => {
    const bus = createStorageErrorBus();
    const seen: StorageErrorKind[] = [];
    const unsubscribe = bus.subscribe((e) => seen.push(e.kind));
    bus.report(new AppStorageError('quota', 'full'));
    unsubscribe();
    bus.report(new AppStorageError('blocked', 'blocked'));
    expect(seen).toEqual(['quota']);
  });

  it('reports one error object once, and a throwing listener does not stop the others', () => {
    const bus = createStorageErrorBus();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const second = vi.fn();
    bus.subscribe(() => {
      throw new Error('listener bug');
    });
    bus.subscribe(second);
    const error = new AppStorageError('corrupt', 'bad');
    bus.report(error);
    bus.report(error);
    expect(second).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalledTimes(1);
    consoleError.mockRestore();
  });
});

describe('handleStorageError', () => {
  it.each<[string, unknown, boolean]>([
    ['quota inside AbortError', new Dexie.AbortError('a', quota()), true],
    ['DatabaseClosedError', new Dexie.DatabaseClosedError('c'), true],
    ['validation', new AppStorageError('validation', 'bad', { issues: [] }), false],
    ['not-found', new AppStorageError('not-found', 'gone'), false],
    ['a TypeError', new TypeError('bug'), false],
  ])('%s → reported to the banner: %s', (_name, thrown, reported) => {
    const listener = vi.fn();
    const unsubscribe = storageErrors.subscribe(listener);
    const error = handleStorageError(thrown);
    unsubscribe();
    expect(error).toBeInstanceOf(AppStorageError);
    expect(listener).toHaveBeenCalledTimes(reported ? 1 : 0);
  });
});
