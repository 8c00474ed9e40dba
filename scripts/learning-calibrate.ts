// npm run learning:calibrate [-- --candidates 400 --seed 1]: simulated candidates with known
// per-code ability answer weighted 100-item exams a week apart. After 1, 2 and 5 exams it prints how
// often the truth falls inside the 80% intervals — area mastery, code mastery, and readiness (the
// score on a fresh form) — target 75–85%; and how many seats of a 20-item weak-area drill go to
// each candidate's three truly weakest areas, against a drill by the official weights.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFramework } from '../server/bank/load.ts';
import { apportion } from '../server/domain/blueprint.ts';
import { areaMastery, betaOf, codeMastery, drillWeights, readiness, type Answer } from '../server/domain/mastery.ts';
import { seededRandom } from '../server/domain/random.ts';

const { values } = parseArgs({ options: { candidates: { type: 'string', default: '400' }, seed: { type: 'string', default: '1' } } });
const CANDIDATES = Number(values.candidates);
const framework = loadFramework(resolve('question-bank')).framework!.framework;
const random = seededRandom(Number(values.seed));
const uniform = () => random.below(1_000_000_000) / 1_000_000_000;
const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
const clamp = (p: number) => Math.min(0.98, Math.max(0.05, p));
const WEEK = 7 * 86_400_000;
const seats = apportion(100, framework.areas.map((a) => ({ area: a.number, weight: a.weight })));
const CHECKPOINTS = [1, 2, 5];

interface Candidate { code: Map<string, number>; area: Map<number, number> }
function candidate(): Candidate {
  const code = new Map<string, number>();
  const area = new Map<number, number>();
  for (const a of framework.areas) {
    const level = 0.4 + 0.5 * uniform();
    for (const c of a.codes) code.set(c.code, clamp(level + 0.1 * normal()));
    // A fresh item of the area is equally likely to be any of its codes.
    area.set(a.number, a.codes.reduce((s, c) => s + code.get(c.code)!, 0) / a.codes.length);
  }
  return { code, area };
}

/** One 100-item form: each area's seats spread over its codes at random; each answer drawn from the code's ability. */
function exam(who: Candidate, at: number): Answer[] {
  return seats.flatMap(({ area, count }) => {
    const codes = framework.areas.find((a) => a.number === area)!.codes;
    return Array.from({ length: count }, () => {
      const code = codes[random.below(codes.length)].code;
      return { code, area, correct: uniform() < who.code.get(code)!, at };
    });
  });
}

const tallies = new Map(CHECKPOINTS.map((k) => [k, { area: [0, 0], code: [0, 0], ready: [0, 0] }]));
let weakSeats = 0;
let uniformSeats = 0;
for (let n = 0; n < CANDIDATES; n++) {
  const who = candidate();
  const answers: Answer[] = [];
  for (let k = 1; k <= Math.max(...CHECKPOINTS); k++) {
    const now = k * WEEK;
    answers.push(...exam(who, now));
    const t = tallies.get(k);
    if (!t) continue;
    for (const a of framework.areas) {
      const mine = answers.filter((x) => x.area === a.number);
      const est = areaMastery(mine, now);
      t.area[0] += Number(est.low <= who.area.get(a.number)! && who.area.get(a.number)! <= est.high);
      t.area[1]++;
      for (const c of a.codes) {
        const own = mine.filter((x) => x.code === c.code);
        if (!own.length) continue;
        const ce = codeMastery(own, est, now);
        t.code[0] += Number(ce.low <= who.code.get(c.code)! && who.code.get(c.code)! <= ce.high);
        t.code[1]++;
      }
    }
    const r = readiness(seats.map((s) => ({ area: s.area, seats: s.count, ...betaOf(answers.filter((x) => x.area === s.area), now) })));
    const fresh = exam(who, now);
    const score = (100 * fresh.filter((x) => x.correct).length) / fresh.length;
    t.ready[0] += Number(r.low <= score && score <= r.high);
    t.ready[1]++;
    if (k === 2) {
      const weakest = new Set([...who.area].sort((x, y) => x[1] - y[1]).slice(0, 3).map(([area]) => area));
      const means = framework.areas.map((a) => ({ area: a.number, weight: a.weight, mean: areaMastery(answers.filter((x) => x.area === a.number), now).mean }));
      weakSeats += apportion(20, drillWeights(means, 0.75)).filter((s) => weakest.has(s.area)).reduce((s, x) => s + x.count, 0);
      uniformSeats += apportion(20, framework.areas.map((a) => ({ area: a.number, weight: a.weight }))).filter((s) => weakest.has(s.area)).reduce((s, x) => s + x.count, 0);
    }
  }
}

const pct = ([hit, all]: number[]) => `${((100 * hit) / all).toFixed(1)}%`.padStart(7);
console.log(`${CANDIDATES} simulated candidates, one 100-item exam a week; share of truths inside the 80% interval (target 75–85%):\n`);
console.log('after exams   area mastery   code mastery   readiness (fresh-form score)');
for (const [k, t] of tallies) console.log(`${String(k).padStart(11)}   ${pct(t.area)}        ${pct(t.code)}        ${pct(t.ready)}`);
console.log(`\nweak-area drill of 20 seats after 2 exams: ${(weakSeats / CANDIDATES).toFixed(1)} seats go to the 3 truly weakest areas, ` +
  `against ${(uniformSeats / CANDIDATES).toFixed(1)} in a drill by the official weights.`);
