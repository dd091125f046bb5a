/**
 * A Dexie live query as rune state: the value follows the database, including writes made in
 * another tab. Construct it while a component initialises (it owns an `$effect`).
 *
 * `deps` is read synchronously so Svelte tracks it (a route parameter, a search term); the query
 * re-runs when a dependency changes or when a table it read from changes.
 */
import { liveQuery } from 'dexie';
import { reportStorageError } from './storage-errors.svelte';

export class Live<T, D = void> {
  #value = $state<T>() as T;
  #loaded = $state(false);

  constructor(deps: () => D, query: (deps: D) => Promise<T>, initial: T) {
    this.#value = initial;
    $effect(() => {
      const current = deps();
      const subscription = liveQuery(() => query(current)).subscribe({
        next: (value) => {
          this.#value = value;
          this.#loaded = true;
        },
        error: (error: unknown) => reportStorageError(error),
      });
      return () => subscription.unsubscribe();
    });
  }

  get value(): T {
    return this.#value;
  }

  /** False until the first result has arrived (so "no rows" is not shown while loading). */
  get loaded(): boolean {
    return this.#loaded;
  }
}
