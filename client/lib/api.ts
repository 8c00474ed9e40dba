// Typed calls to the API. Types come from the server's TypeBox schemas (type-only imports: no
// server code reaches the bundle). Every failure becomes an ApiError carrying the server's message.
import type { Static } from 'typebox';
import type { ChangePasswordSchema, LoginSchema, RegisterSchema, UpdateMeSchema, UserSchema } from '../../server/schemas/user.ts';
import type { FrameworkSchema } from '../../server/schemas/framework.ts';
import type {
  AttemptReplySchema, AttemptSummarySchema, CreateAttemptSchema, ProgressSchema, PutResponseSchema, ReportSchema, ResponseSchema,
  SavedResponseSchema, SlotItemSchema,
} from '../../server/schemas/attempt.ts';

import type {
  CreateEssaySchema, EssaySchema, EssaySummarySchema, PromptSummarySchema, ReadingSchema, RubricSchema, SavedTextSchema, ScoreSchema,
  ShareCreatedSchema, SharedSchema,
} from '../../server/schemas/essay.ts';

export type User = Static<typeof UserSchema>;
export type Rubric = Static<typeof RubricSchema>;
export type PromptSummary = Static<typeof PromptSummarySchema>;
export type Essay = Static<typeof EssaySchema>;
export type EssaySummary = Static<typeof EssaySummarySchema>;
export type Reading = Static<typeof ReadingSchema>;
export type Score = Static<typeof ScoreSchema>;
export type SavedText = Static<typeof SavedTextSchema>;
export type Shared = Static<typeof SharedSchema>;
export type Levels = Record<string, number>;
export type Framework = Static<typeof FrameworkSchema>;
export type Area = Framework['areas'][number];
export type CreateAttempt = Static<typeof CreateAttemptSchema>;
export type AttemptSummary = Static<typeof AttemptSummarySchema>;
export type AttemptReply = Static<typeof AttemptReplySchema>;
export type SlotItem = Static<typeof SlotItemSchema>;
export type ServerResponse = Static<typeof ResponseSchema>;
export type SavedResponse = Static<typeof SavedResponseSchema>;
export type PutResponse = Static<typeof PutResponseSchema>;
export type Report = Static<typeof ReportSchema>;
export type ReportItem = Report['items'][number];
export type Progress = Static<typeof ProgressSchema>;
export type Choice = 'A' | 'B' | 'C' | 'D';
export type Mode = AttemptSummary['mode'];

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never reached the server (offline, DNS, reset). */
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  /** Worth trying again later: no answer at all, or the server failed (5xx). */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    // Every write is JSON, even one with nothing to send: the server refuses other writes (CSRF).
    const write = method !== 'GET';
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: write ? { accept: 'application/json', 'content-type': 'application/json' } : { accept: 'application/json' },
      body: write ? JSON.stringify(body ?? {}) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection; nothing you chose is lost.');
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: string; message?: string } | null;
  if (!res.ok) {
    throw new ApiError(res.status, data?.error ?? `http_${res.status}`, data?.message ?? `The server answered ${res.status}; try again.`);
  }
  return data as T;
}

export const api = {
  register: (body: Static<typeof RegisterSchema>) => call<{ user: User }>('POST', '/api/auth/register', body),
  login: (body: Static<typeof LoginSchema>) => call<{ user: User }>('POST', '/api/auth/login', body),
  logout: () => call<void>('POST', '/api/auth/logout'),
  me: () => call<{ user: User }>('GET', '/api/me'),
  updateMe: (body: Static<typeof UpdateMeSchema>) => call<{ user: User }>('PATCH', '/api/me', body),
  changePassword: (body: Static<typeof ChangePasswordSchema>) => call<{ user: User }>('POST', '/api/me/password', body),
  framework: () => call<Framework>('GET', '/api/framework'),
  createAttempt: (body: CreateAttempt) => call<AttemptReply>('POST', '/api/attempts', body),
  attempts: () => call<{ attempts: AttemptSummary[] }>('GET', '/api/attempts'),
  attempt: (id: string) => call<AttemptReply>('GET', `/api/attempts/${encodeURIComponent(id)}`),
  putResponse: (id: string, slot: number, body: PutResponse) =>
    call<SavedResponse>('PUT', `/api/attempts/${encodeURIComponent(id)}/responses/${slot}`, body),
  submit: (id: string) => call<Report>('POST', `/api/attempts/${encodeURIComponent(id)}/submit`),
  report: (id: string) => call<Report>('GET', `/api/attempts/${encodeURIComponent(id)}/report`),
  progress: () => call<Progress>('GET', '/api/progress'),
  rubric: () => call<Rubric>('GET', '/api/part2/rubric'),
  prompts: () => call<{ prompts: PromptSummary[] }>('GET', '/api/part2/prompts'),
  createEssay: (body: Static<typeof CreateEssaySchema>) => call<Essay>('POST', '/api/essays', body),
  essays: () => call<{ essays: EssaySummary[] }>('GET', '/api/essays'),
  essay: (id: string) => call<Essay>('GET', `/api/essays/${encodeURIComponent(id)}`),
  saveEssayText: (id: string, text: string, revision: number) => call<SavedText>('PUT', `/api/essays/${encodeURIComponent(id)}/text`, { text, revision }),
  submitEssay: (id: string) => call<Essay>('POST', `/api/essays/${encodeURIComponent(id)}/submit`),
  scoreEssay: (id: string, levels: Levels, comments: Record<string, string>) => call<Essay>('POST', `/api/essays/${encodeURIComponent(id)}/scores`, { levels, comments }),
  shareEssay: (id: string) => call<Static<typeof ShareCreatedSchema>>('POST', `/api/essays/${encodeURIComponent(id)}/shares`),
  revokeShare: (id: string, shareId: number) => call<void>('DELETE', `/api/essays/${encodeURIComponent(id)}/shares/${shareId}`),
  shared: (token: string) => call<Shared>('GET', `/api/essays/shared/${encodeURIComponent(token)}`),
  calibrate: (token: string, levels: Levels) => call<Shared>('POST', `/api/essays/shared/${encodeURIComponent(token)}/calibration`, { levels }),
  scoreShared: (token: string, levels: Levels, comments: Record<string, string>) =>
    call<Shared>('POST', `/api/essays/shared/${encodeURIComponent(token)}/scores`, { levels, comments }),
};
