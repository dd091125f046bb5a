/**
 * "The data under the sheets was replaced in bulk": a restore or its undo, an import or its undo, in this
 * tab or in another one. A sheet's undo steps hold field values from before; applied now they would
 * write old values over the restored or imported rows (issue 24: Ctrl+Z after a restore must never touch
 * restored data). So every sheet forgets its undo steps. Other tabs hear of it over a BroadcastChannel.
 */
const CHANNEL = 'kehu-data-replaced';
const listeners = new Set<() => void>();
let channel: BroadcastChannel | null = null;

function notify(): void {
  for (const listener of listeners) listener();
}

function connect(): BroadcastChannel | null {
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = notify;
  }
  return channel;
}

/** Tells this tab and the others that the data was replaced in bulk. */
export function dataReplaced(): void {
  notify();
  connect()?.postMessage('replaced');
}

/** Calls `listener` whenever the data is replaced in bulk, here or in another tab; returns the unsubscribe. */
export function onDataReplaced(listener: () => void): () => void {
  connect();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
