/** The owner's local date as ISO `YYYY-MM-DD` (the end of the analysis window, the day receivables age to). */
export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
