/**
 * The follow-up list as rune state. The list lives in the follow-up worker; this class asks it for the
 * page on screen under the current filter, and asks it to rebuild when the data changes: Dexie's
 * `storagemutated` event names the tables a write touched (in this tab, another tab or a worker), and
 * only those are re-read, after a short quiet spell so a paste or an import is one rebuild.
 *
 * Marking an item done writes an interaction through the interactions sheet's writes (repositories,
 * history, one undo step on that sheet's stack, "Undo" in the notice) and, for a next action, sets
 * the source interaction's `resolved`. The item then leaves the list because its rule no longer holds.
 */
import * as Comlink from 'comlink';
import Dexie, { type ObservabilitySet } from 'dexie';
import { NO_FILTER, type FollowUpFilter, type FollowUpView } from '../domain/follow-up/filter';
import type { FollowUpItem } from '../domain/follow-up/types';
import type { Fields } from '../domain/types';
import type { MessageKey } from '../i18n/dictionaries';
import { i18n } from '../i18n/i18n.svelte';
import { AppStorageError } from '../storage/errors';
import { FOLLOW_UP_TABLES, type FollowUpTable } from '../storage/follow-up-inputs';
import type { FollowUpApi } from '../workers/follow-up-api';
import { todayIso } from './today';
import { notices } from './notices.svelte';
import { writeChanges, type RowChange } from './sheet-writes';
import { sheetModel } from './sheets.svelte';
import { reportStorageError } from './storage-errors.svelte';

/** Items shown at once (the rest: "show more"). */
export const PAGE = 100;
const QUIET_MS = 400;

export type FollowUpStatus = 'loading' | 'ready' | 'error';

function isFollowUpTable(name: string): name is FollowUpTable {
  return (FOLLOW_UP_TABLES as readonly string[]).includes(name);
}

/** The tables named in a Dexie change set (`idb://<db>/<table>/<index>`). */
function changedTables(parts: ObservabilitySet): FollowUpTable[] {
  const tables: FollowUpTable[] = [];
  for (const part of Object.keys(parts)) {
    const name = part.split('/')[3] ?? '';
    if (isFollowUpTable(name) && !tables.includes(name)) tables.push(name);
  }
  return tables;
}

/** The summary stored with the interaction written when an item is done (in the owner's language). */
function doneSummary(item: FollowUpItem): string {
  const r = item.reason;
  if (r.kind === 'service' || r.kind === 'next-action')
    return i18n.t('followUp.summary.action', { action: r.nextAction || i18n.t(`itype.${r.type}`) });
  if (r.kind === 'care') return i18n.t(`followUp.summary.care.${r.programme}` as MessageKey);
  if (r.kind === 'lifecycle') return i18n.t(`followUp.summary.lifecycle.${r.stage}` as MessageKey);
  return i18n.t(`followUp.summary.${r.kind}` as MessageKey);
}

class FollowUpState {
  #filter = $state<FollowUpFilter>({ ...NO_FILTER });
  #limit = $state(PAGE);
  #view = $state.raw<FollowUpView | null>(null);
  #status = $state<FollowUpStatus>('loading');
  #error = $state<string | null>(null);
  /** Items being marked done → the write number (their button waits for a rebuild that saw it). */
  #pending = $state.raw<ReadonlyMap<string, number>>(new Map());
  #writes = 0;

  #worker: Worker | null = null;
  #api: Comlink.Remote<FollowUpApi> | null = null;
  #changed = new Set<FollowUpTable>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #again = false;

  get filter(): FollowUpFilter {
    return this.#filter;
  }
  get view(): FollowUpView | null {
    return this.#view;
  }
  get status(): FollowUpStatus {
    return this.#status;
  }
  get error(): string | null {
    return this.#error;
  }
  isPending(key: string): boolean {
    return this.#pending.has(key);
  }

  /** Builds the list and follows the data; returns the stop function. */
  start(): () => void {
    const onChange = (parts: ObservabilitySet) => {
      const tables = changedTables(parts);
      if (tables.length === 0) return;
      for (const t of tables) this.#changed.add(t);
      this.#schedule(QUIET_MS);
    };
    Dexie.on.storagemutated.subscribe(onChange);
    for (const t of FOLLOW_UP_TABLES) this.#changed.add(t);
    this.#schedule(0);
    return () => {
      Dexie.on.storagemutated.unsubscribe(onChange);
      clearTimeout(this.#timer);
      this.#api?.[Comlink.releaseProxy]();
      this.#worker?.terminate();
      this.#worker = null;
      this.#api = null;
      this.#running = false;
      this.#again = false;
    };
  }

  setFilter(patch: Partial<FollowUpFilter>): void {
    this.#filter = { ...this.#filter, ...patch };
    this.#limit = PAGE;
    void this.#query();
  }

  showMore(): void {
    this.#limit += PAGE;
    void this.#query();
  }

  /** Records the contact that completes `item` (one undo step of the interactions sheet). */
  async markDone(item: FollowUpItem): Promise<void> {
    if (this.#pending.has(item.key)) return;
    this.#pending = new Map([...this.#pending, [item.key, Infinity]]);
    const created: Partial<Fields<'interactions'>> = {
      customerId: item.customerId,
      date: todayIso(),
      channel: item.done.channel,
      type: item.done.type,
      summary: doneSummary(item),
      resolved: true,
      owner: item.owner,
    };
    const changes: RowChange<'interactions'>[] = item.done.resolves
      ? [{ id: item.done.resolves, patch: { resolved: true }, before: { resolved: false } }]
      : [];
    const model = sheetModel('interactions');
    try {
      const { step } = await writeChanges('interactions', changes, [created], i18n.t('followUp.step'));
      model.undoStack.push(step);
      this.#writes += 1;
      this.#pending = new Map([...this.#pending, [item.key, this.#writes]]);
      notices.show(i18n.t('followUp.recorded', { name: item.customerName }), {
        action: { label: i18n.t('grid.undo'), run: () => model.undo() },
      });
    } catch (error) {
      this.#pending = new Map([...this.#pending].filter(([key]) => key !== item.key));
      if (error instanceof AppStorageError && (error.kind === 'validation' || error.kind === 'not-found'))
        notices.show(i18n.t(`error.${error.kind}`), { tone: 'error' });
      else reportStorageError(error);
    }
  }

  #connect(): Comlink.Remote<FollowUpApi> {
    if (!this.#api) {
      this.#worker = new Worker(new URL('../workers/follow-up.worker.ts', import.meta.url), {
        type: 'module',
      });
      this.#api = Comlink.wrap<FollowUpApi>(this.#worker);
    }
    return this.#api;
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#refresh(), delay);
  }

  async #refresh(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    const tables = [...this.#changed];
    this.#changed.clear();
    const seen = this.#writes;
    try {
      const outcome = await this.#connect().refresh(todayIso(), tables);
      if (!outcome.ok) {
        this.#error = outcome.error.message;
        this.#status = 'error';
      } else {
        this.#error = null;
        await this.#query();
        this.#status = 'ready';
      }
    } catch (error) {
      this.#error = error instanceof Error ? error.message : String(error);
      this.#status = 'error';
    } finally {
      this.#pending = new Map([...this.#pending].filter(([, write]) => write > seen));
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.#schedule(QUIET_MS);
      }
    }
  }

  async #query(): Promise<void> {
    if (!this.#api) return;
    const filter = $state.snapshot(this.#filter);
    this.#view = await this.#api.view(filter, this.#limit);
  }
}

export const followUpState = new FollowUpState();
