/** Today's analysis window and base window in the device's local calendar. */
import { analysisWindows, type DateWindow } from '../domain/portfolio/windows';

export function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function windowsFor(months: number): { current: DateWindow; base: DateWindow } {
  return analysisWindows(localToday(), months);
}
