/**
 * Storage failures as banners: the storage layer turns every failure into a typed AppStorageError
 * and publishes the serious ones; this state keeps the ones not yet dismissed, with the text that
 * says what happened and what to do.
 */
import { storageErrors, toAppStorageError, type StorageErrorKind } from '../storage/errors';
import { i18n } from '../i18n/i18n.svelte';

export interface ShownError {
  id: number;
  kind: StorageErrorKind;
  message: string;
  /** The data is safe but this tab must reload to go on (another tab upgraded the database). */
  needsReload: boolean;
}

class StorageErrorsState {
  #errors = $state<ShownError[]>([]);
  #nextId = 1;

  constructor() {
    storageErrors.subscribe((error) => this.#show(error.kind, error.message));
  }

  get errors(): ShownError[] {
    return this.#errors;
  }

  #show(kind: StorageErrorKind, detail: string): void {
    // One banner per kind: a burst of failed writes is one problem to the owner.
    if (this.#errors.some((e) => e.kind === kind)) return;
    const message =
      kind === 'unknown' ? i18n.t('error.unknown', { message: detail }) : i18n.t(`error.${kind}`);
    const needsReload = kind === 'versionchange' || kind === 'blocked' || kind === 'corrupt';
    this.#errors = [...this.#errors, { id: this.#nextId++, kind, message, needsReload }];
  }

  dismiss(id: number): void {
    this.#errors = this.#errors.filter((e) => e.id !== id);
  }
}

export const storageErrorsState = new StorageErrorsState();

/** Shows any error that reached the UI (a failed live query, an unexpected write failure). */
export function reportStorageError(error: unknown): void {
  const appError = toAppStorageError(error);
  storageErrors.report(appError);
}
