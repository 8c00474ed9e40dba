// The CETL framework (categories, areas, codes), fetched once and shared.
import { signal } from '@preact/signals';
import { api, type Area, type Framework } from '../lib/api.ts';

export const framework = signal<Framework | null>(null);
let pending: Promise<Framework> | null = null;

export function loadFramework(): Promise<Framework> {
  pending ??= api.framework().then(
    (f) => (framework.value = f),
    (err) => {
      pending = null;
      throw err;
    },
  );
  return pending;
}

export function areaName(f: Framework | null, n: number): string {
  return f?.areas.find((a) => a.number === n)?.name ?? `Area ${n}`;
}

export function areaOf(f: Framework | null, n: number): Area | undefined {
  return f?.areas.find((a) => a.number === n);
}

export function codeSummary(f: Framework | null, code: string): string {
  for (const a of f?.areas ?? []) for (const c of a.codes) if (c.code === code) return c.summary;
  return '';
}

export function categoryName(f: Framework | null, id: string): string {
  return f?.categories.find((c) => c.id === id)?.name ?? `Category ${id}`;
}
