// Peer review through a link: any signed-in reader with the token may read and score the essay
// once, after scoring one of the prompt's anchor answers blind (calibration). A revoked or unknown
// link is 404; the writer cannot review their own essay.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { gapBetween, levelsProblem, type Levels } from '../../domain/rubric.ts';
import { countWords } from '../../domain/words.ts';
import { HttpError, notFound } from '../../plugins/errors.ts';
import { requireUser } from '../../plugins/session.ts';
import { errors } from '../../schemas/common.ts';
import { CalibrateSchema, GiveScoreSchema, SharedSchema, TokenParams } from '../../schemas/essay.ts';
import { essayStore, type EssayRow } from './store.ts';
import { hashToken } from './index.ts';
import { promptView, scoreView } from './view.ts';

export const sharedEssayRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const store = essayStore(app.db);

  /** The essay behind a live link, for a reader who is not its writer. */
  function sharedEssay(token: string, readerId: number): EssayRow {
    const share = store.shareByTokenHash(hashToken(token));
    const essay = share && share.revokedAt === null ? store.loadEssay(share.essayId) : null;
    if (!essay) throw notFound('This review link');
    if (essay.userId === readerId) throw new HttpError(409, 'own_essay', 'This is your own essay; share the link with someone else to get a review.');
    return essay;
  }

  function sharedView(essay: EssayRow, readerId: number) {
    const prompt = store.promptAt(essay.promptId, essay.promptVersion);
    const anchor = prompt.anchors.length ? prompt.anchors[readerId % prompt.anchors.length] : null;
    const calibration = store.calibrationOf(readerId, prompt.id);
    const calibratedAnchor = calibration && prompt.anchors.find((a) => a.id === calibration.anchorId);
    const needed = anchor !== null && calibration === null;
    const mine = store.scoresOf(essay.id).find((s) => s.source === 'peer' && s.readerId === readerId);
    return {
      prompt: promptView(prompt, app.part2),
      rubric: app.part2.rubric,
      writer: store.nameOf(essay.userId),
      calibration: {
        needed,
        anchorText: needed ? anchor.text : null,
        gap: calibration ? Math.round(calibration.gap * 100) / 100 : null,
        given: calibration?.levels ?? null,
        reference: calibratedAnchor ? calibratedAnchor.scores : null,
        why: calibratedAnchor ? calibratedAnchor.why : null,
      },
      essay: needed ? null : { text: essay.text, words: countWords(essay.text), submittedAt: essay.submittedAt },
      myScore: mine ? scoreView(mine) : null,
    };
  }

  const checkedLevels = (levels: Record<string, number>) => {
    const problem = levelsProblem(app.part2.rubric, levels);
    if (problem) throw new HttpError(400, 'invalid_score', problem);
    return levels as Levels;
  };

  app.get('/api/essays/shared/:token', { config: { access: 'user' }, schema: { params: TokenParams, response: { 200: SharedSchema, ...errors } } }, async (request) => {
    const user = requireUser(request);
    return sharedView(sharedEssay(request.params.token, user.id), user.id);
  });

  app.post('/api/essays/shared/:token/calibration', { config: { access: 'user' }, schema: { params: TokenParams, body: CalibrateSchema, response: { 201: SharedSchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const essay = sharedEssay(request.params.token, user.id);
    const prompt = store.promptAt(essay.promptId, essay.promptVersion);
    const levels = checkedLevels(request.body.levels);
    if (!prompt.anchors.length) throw new HttpError(409, 'no_anchor', 'This prompt has no anchor answers to calibrate on; score the essay directly.');
    const anchor = prompt.anchors[user.id % prompt.anchors.length];
    if (!store.addCalibration(user.id, prompt.id, anchor.id, app.part2.rubric.version, levels, gapBetween(levels, anchor.scores), app.now())) {
      throw new HttpError(409, 'already_calibrated', 'You have calibrated on this prompt already; your first calibration stands.');
    }
    return reply.code(201).send(sharedView(essay, user.id));
  });

  app.post('/api/essays/shared/:token/scores', { config: { access: 'user' }, schema: { params: TokenParams, body: GiveScoreSchema, response: { 201: SharedSchema, ...errors } } }, async (request, reply) => {
    const user = requireUser(request);
    const essay = sharedEssay(request.params.token, user.id);
    const levels = checkedLevels(request.body.levels);
    // Calibration is needed while the prompt has anchors and this reader has not scored one.
    const prompt = store.promptAt(essay.promptId, essay.promptVersion);
    if (prompt.anchors.length && !store.calibrationOf(user.id, prompt.id)) {
      throw new HttpError(409, 'calibrate_first', 'Score the anchor answer first (POST …/calibration); then score this essay.');
    }
    if (!store.addReaderScore(essay.id, user.id, 'peer', app.part2.rubric.version, levels, request.body.comments ?? {}, app.now())) {
      throw new HttpError(409, 'already_scored', 'You have scored this essay already; one score per reader.');
    }
    return reply.code(201).send(sharedView(essay, user.id));
  });
};
