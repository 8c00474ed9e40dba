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
import type {
  CoachEssaySchema, CreateDrillSchema, DrillSchema, EssayQueueSchema, GroupResultsSchema, GroupSchema, GroupSummarySchema, InvitePreviewSchema,
  MemberAreaResultsSchema, MisconceptionsSchema,
} from '../../server/schemas/group.ts';

import type { HistorySchema, MasterySchema, ReviewStatusSchema, SelfRatingsSchema, WeakDrillSchema } from '../../server/schemas/learning.ts';

import type { AdminQueueSchema, CreateReportSchema, QuestionReportSchema, ResolveReportSchema } from '../../server/schemas/report.ts';

export type User = Static<typeof UserSchema>;
export type QuestionReport = Static<typeof QuestionReportSchema>;
export type AdminQueue = Static<typeof AdminQueueSchema>;
export type Mastery = Static<typeof MasterySchema>;
export type ReviewStatus = Static<typeof ReviewStatusSchema>;
export type History = Static<typeof HistorySchema>;
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
export type GroupSummary = Static<typeof GroupSummarySchema>;
export type Group = Static<typeof GroupSchema>;
export type Role = Group['role'];
export type GroupMember = Group['members'][number];
export type InvitePreview = Static<typeof InvitePreviewSchema>;
export type GroupResults = Static<typeof GroupResultsSchema>;
export type MemberAreaResults = Static<typeof MemberAreaResultsSchema>;
export type Misconception = Static<typeof MisconceptionsSchema>['items'][number];
export type CreateDrill = Static<typeof CreateDrillSchema>;
export type Drill = Static<typeof DrillSchema>;
export type DrillState = NonNullable<Drill['mine']>['state'];
export type QueuedEssay = Static<typeof EssayQueueSchema>['essays'][number];
export type CoachEssay = Static<typeof CoachEssaySchema>;

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
  // Account basics (server/routes/auth/reset.ts, server/routes/me/account.ts).
  requestPasswordReset: (email: string) => call<{ message: string }>('POST', '/api/auth/password-reset', { email }),
  resetPassword: (token: string, password: string) => call<{ message: string }>('POST', '/api/auth/password-reset/confirm', { token, password }),
  changeEmail: (email: string, password: string) => call<{ message: string; pendingEmail: string }>('POST', '/api/me/email', { email, password }),
  confirmEmail: (token: string) => call<{ message: string; email: string }>('POST', '/api/auth/email-confirm', { token }),
  deleteAccount: (confirm: string, password: string) =>
    call<{ message: string; groupsHandedOver: number; groupsDeleted: number }>('POST', '/api/me/delete', { confirm, password }),
  framework: () => call<Framework>('GET', '/api/framework'),
  /** An exam-mode attempt waits for its intro screen's Begin (POST …/begin) unless the body says otherwise. */
  createAttempt: (body: CreateAttempt) =>
    call<AttemptReply>('POST', '/api/attempts', (body.mode ?? 'exam') === 'exam' ? { startClock: 'on_begin', ...body } : body),
  /** Starts the clock of an attempt that waits for it (idempotent). */
  beginAttempt: (id: string) => call<AttemptReply>('POST', `/api/attempts/${encodeURIComponent(id)}/begin`),
  attempts: () => call<{ attempts: AttemptSummary[] }>('GET', '/api/attempts'),
  attempt: (id: string) => call<AttemptReply>('GET', `/api/attempts/${encodeURIComponent(id)}`),
  putResponse: (id: string, slot: number, body: PutResponse) =>
    call<SavedResponse>('PUT', `/api/attempts/${encodeURIComponent(id)}/responses/${slot}`, body),
  submit: (id: string) => call<Report>('POST', `/api/attempts/${encodeURIComponent(id)}/submit`),
  report: (id: string) => call<Report>('GET', `/api/attempts/${encodeURIComponent(id)}/report`),
  progress: () => call<Progress>('GET', '/api/progress'),
  mastery: () => call<Mastery>('GET', '/api/learning/mastery'),
  rateSelf: (ratings: Static<typeof SelfRatingsSchema>['ratings']) => call<Mastery>('PUT', '/api/learning/self-ratings', { ratings }),
  weakDrill: (body: Static<typeof WeakDrillSchema>) => call<AttemptReply>('POST', '/api/learning/weak-drill', body),
  practise: (attemptId: string) => call<AttemptReply>('POST', `/api/attempts/${encodeURIComponent(attemptId)}/practice`),
  retryMissed: (attemptId: string) => call<AttemptReply>('POST', `/api/attempts/${encodeURIComponent(attemptId)}/retry`),
  reviews: () => call<ReviewStatus>('GET', '/api/learning/reviews'),
  startReview: () => call<AttemptReply>('POST', '/api/learning/reviews/start'),
  history: () => call<History>('GET', '/api/learning/history'),
  reportQuestion: (itemId: string, body: Static<typeof CreateReportSchema>) => call<QuestionReport>('POST', `/api/items/${encodeURIComponent(itemId)}/reports`, body),
  myReports: () => call<{ reports: QuestionReport[] }>('GET', '/api/me/reports'),
  adminReports: () => call<AdminQueue>('GET', '/api/admin/reports'),
  resolveReport: (id: number, body: Static<typeof ResolveReportSchema>) => call<QuestionReport>('POST', `/api/admin/reports/${id}`, body),
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
  // Study groups (server/routes/groups): membership, results, drills and coaches' essay reviews.
  createGroup: (name: string) => call<Group>('POST', '/api/groups', { name }),
  groups: () => call<{ groups: GroupSummary[] }>('GET', '/api/groups'),
  invitePreview: (code: string) => call<InvitePreview>('GET', `/api/groups/invites/${encodeURIComponent(code)}`),
  joinGroup: (code: string) => call<Group>('POST', '/api/groups/join', { code }),
  group: (id: string) => call<Group>('GET', group(id)),
  renameGroup: (id: string, name: string) => call<Group>('PATCH', group(id), { name }),
  /** On: a new code (the old one stops working at once). Off: nobody can join until it is on again. */
  setInvite: (id: string, enabled: boolean) => call<Group>('POST', `${group(id)}/invite`, { enabled }),
  setMemberRole: (id: string, userId: number, role: 'coach' | 'member') => call<Group>('PATCH', `${group(id)}/members/${userId}`, { role }),
  removeMember: (id: string, userId: number) => call<void>('DELETE', `${group(id)}/members/${userId}`),
  leaveGroup: (id: string) => call<void>('POST', `${group(id)}/leave`),
  groupResults: (id: string, days?: number) => call<GroupResults>('GET', `${group(id)}/results${query({ days })}`),
  memberAreaResults: (id: string, userId: number, area: number, days?: number) =>
    call<MemberAreaResults>('GET', `${group(id)}/members/${userId}/results${query({ area, days })}`),
  misconceptions: (id: string, days?: number) => call<{ items: Misconception[] }>('GET', `${group(id)}/misconceptions${query({ days })}`),
  createDrill: (id: string, body: CreateDrill) => call<Drill>('POST', `${group(id)}/drills`, body),
  groupDrills: (id: string) => call<{ drills: Drill[] }>('GET', `${group(id)}/drills`),
  myDrills: () => call<{ drills: Drill[] }>('GET', '/api/drills'),
  /** Opens the member's attempt for the drill (the same one when started before). */
  startDrill: (groupId: string, drillId: string) => call<AttemptReply>('POST', `${group(groupId)}/drills/${encodeURIComponent(drillId)}/start`),
  sendEssayToGroup: (essayId: string, groupId: string) => call<{ sent: boolean }>('POST', `/api/essays/${encodeURIComponent(essayId)}/reviews`, { groupId }),
  essayQueue: (groupId: string) => call<{ essays: QueuedEssay[] }>('GET', `${group(groupId)}/essays`),
  coachEssay: (groupId: string, essayId: string) => call<CoachEssay>('GET', `${group(groupId)}/essays/${encodeURIComponent(essayId)}`),
  coachScore: (groupId: string, essayId: string, levels: Levels, comments: Record<string, string>) =>
    call<CoachEssay>('POST', `${group(groupId)}/essays/${encodeURIComponent(essayId)}/scores`, { levels, comments }),
};

/** A plain link (the browser downloads it): results by area per member, or every response. */
export const groupExportUrl = (id: string, kind: 'areas' | 'responses', days?: number) => `${group(id)}/export.csv${query({ kind, days })}`;

function group(id: string): string {
  return `/api/groups/${encodeURIComponent(id)}`;
}

function query(params: Record<string, string | number | undefined>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
