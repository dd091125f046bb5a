import type { BaseTableName } from '../domain/types';
import { getDb, type KehuDb } from './db';
import { createRepo, type Repo } from './repo';

export type Repos = { [T in BaseTableName]: Repo<T> };

/** The four base-table repositories over `db` (tests pass their own database). */
export function repos(db: KehuDb): Repos {
  return {
    customers: createRepo(db, 'customers'),
    deals: createRepo(db, 'deals'),
    interactions: createRepo(db, 'interactions'),
    productLines: createRepo(db, 'productLines'),
  };
}

let shared: Repos | null = null;

/** The repositories over the app's shared database, created on first call. */
export function appRepos(): Repos {
  shared ??= repos(getDb());
  return shared;
}
