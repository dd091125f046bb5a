import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from './helpers';

// persistence.ts keeps per-page state (ask once, hook once): each test gets fresh module instances.
type Persistence = typeof import('../../../src/storage/persistence');
type Repos = typeof import('../../../src/storage/repos');
let persistence: Persistence;
let reposModule: Repos;

beforeEach(async () => {
  vi.resetModules();
  persistence = await import('../../../src/storage/persistence');
  reposModule = await import('../../../src/storage/repos');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubStorage(storage: Partial<StorageManager> | undefined): void {
  vi.stubGlobal('navigator', storage === undefined ? {} : { storage });
}

describe('requestPersistence', () => {
  it('asks the browser once and returns the first answer afterwards', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    stubStorage({ persist, persisted: () => Promise.resolve(false) });
    expect(await persistence.requestPersistence()).toBe(true);
    expect(await persistence.requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when the data is already persisted', async () => {
    const persist = vi.fn(() => Promise.resolve(false));
    stubStorage({ persist, persisted: () => Promise.resolve(true) });
    expect(await persistence.requestPersistence()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('is false without the Storage API or when the request fails', async () => {
    stubStorage(undefined);
    expect(await persistence.requestPersistence()).toBe(false);
    vi.resetModules();
    const again: Persistence = await import('../../../src/storage/persistence');
    stubStorage({ persist: () => Promise.reject(new Error('denied')) });
    expect(await again.requestPersistence()).toBe(false);
  });
});

describe('isPersisted and storageEstimate', () => {
  it('read the Storage API', async () => {
    stubStorage({
      persisted: () => Promise.resolve(true),
      estimate: () => Promise.resolve({ usage: 1024, quota: 10_000_000 }),
    });
    expect(await persistence.isPersisted()).toBe(true);
    expect(await persistence.storageEstimate()).toEqual({ usage: 1024, quota: 10_000_000 });
  });

  it('are false / null when the browser cannot tell', async () => {
    stubStorage(undefined);
    expect(await persistence.isPersisted()).toBe(false);
    expect(await persistence.storageEstimate()).toBeNull();
    stubStorage({ estimate: () => Promise.resolve({}) });
    expect(await persistence.storageEstimate()).toBeNull();
  });
});

describe('first-write hook', () => {
  it('runs once, after the first committed write of a repository', async () => {
    const hook = vi.fn();
    persistence.setFirstWriteHook(hook);
    const r = reposModule.repos(freshDb());
    await expect(r.customers.create({ name: '' })).rejects.toThrow(); // nothing written
    expect(hook).not.toHaveBeenCalled();
    const c = await r.customers.create({ name: '甲' });
    await r.customers.update(c.id, { name: '乙' });
    await r.deals.create({ customerId: c.id });
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it('a failing hook never fails the write', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    persistence.setFirstWriteHook(() => Promise.reject(new Error('prompt failed')));
    const r = reposModule.repos(freshDb());
    await expect(r.customers.create({ name: '甲' })).resolves.toMatchObject({ name: '甲' });
    await vi.waitFor(() => expect(consoleError).toHaveBeenCalled());
    consoleError.mockRestore();
  });
});
