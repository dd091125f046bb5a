/**
 * dexie-export-import reads blobs with FileReader and looks at `self`, which Node lacks. Imported before
 * it in the backup tests; the browser tests run the real thing.
 */
const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;
g.FileReader ??= class {
  result: unknown = null;
  onload: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  error: unknown = null;
  readAsText(blob: Blob): void {
    this.#read(blob.text());
  }
  readAsArrayBuffer(blob: Blob): void {
    this.#read(blob.arrayBuffer());
  }
  #read(promise: Promise<unknown>): void {
    promise.then(
      (value) => {
        this.result = value;
        this.onload?.({ target: this });
      },
      (e: unknown) => {
        this.error = e;
        this.onerror?.({ target: this });
      },
    );
  }
};
