/**
 * Short status messages ("Customer added", "Moved to the trash — Undo") shown in a polite live
 * region. One at a time: a new notice replaces the last, and each fades after a few seconds.
 */
export interface Notice {
  id: number;
  text: string;
  tone: 'ok' | 'error';
  action?: { label: string; run: () => void | Promise<void> };
}

class Notices {
  #current = $state<Notice | null>(null);
  #nextId = 1;
  #timer: ReturnType<typeof setTimeout> | undefined;

  get current(): Notice | null {
    return this.#current;
  }

  show(text: string, options: { tone?: Notice['tone']; action?: Notice['action']; ms?: number } = {}): void {
    clearTimeout(this.#timer);
    const notice: Notice = { id: this.#nextId++, text, tone: options.tone ?? 'ok' };
    if (options.action) notice.action = options.action;
    this.#current = notice;
    this.#timer = setTimeout(() => this.dismiss(notice.id), options.ms ?? (options.action ? 10_000 : 5_000));
  }

  dismiss(id?: number): void {
    if (id === undefined || this.#current?.id === id) this.#current = null;
  }
}

export const notices = new Notices();
