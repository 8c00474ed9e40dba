// A synthetic bank of any size in the real file layout (blueprint.yaml + part1/<area>/<code>.yaml, part2/ copied),
// spread over areas by the official weights and evenly over codes; for benchmarks and scale tests.
// npx tsx scripts/generate-bank.ts --items 100000 --out /tmp/bank
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { loadFramework } from '../server/bank/load.ts';
import { apportion } from '../server/domain/blueprint.ts';

const LETTERS = ['A', 'B', 'C', 'D'] as const;
const WORDS = 'district board network budget device policy vendor contract privacy teacher student principal plan data backup cloud license training survey grant audit risk incident access roster bandwidth'.split(' ');

/** Writes `total` items into `outDir`; returns how many went to each area. */
export function generateBank(total: number, outDir: string, bankDir = 'question-bank'): Map<number, number> {
  const { framework } = loadFramework(resolve(bankDir));
  if (!framework) throw new Error('the framework in question-bank/blueprint.yaml does not load');
  mkdirSync(join(outDir, 'part1'), { recursive: true });
  cpSync(join(bankDir, 'blueprint.yaml'), join(outDir, 'blueprint.yaml'));
  // Part II content as shipped: the server needs a rubric and prompts to start.
  cpSync(join(bankDir, 'part2'), join(outDir, 'part2'), { recursive: true });
  const perArea = apportion(total, framework.framework.areas.map((a) => ({ area: a.number, weight: a.weight })));
  let n = 0;
  for (const { area, count } of perArea) {
    const a = framework.area.get(area)!;
    const folder = join(outDir, 'part1', String(area).padStart(2, '0'));
    mkdirSync(folder, { recursive: true });
    a.codes.forEach((c, ci) => {
      const inCode = Math.floor(count / a.codes.length) + (ci < count % a.codes.length ? 1 : 0);
      if (inCode === 0) return;
      const items = Array.from({ length: inCode }, (_, i) => {
        n++;
        const w = (k: number) => WORDS[(n * 7 + k * 13 + i) % WORDS.length];
        const answer = LETTERS[n % 4];
        return {
          id: `${c.code}-${String(i + 1).padStart(3, '0')}`,
          difficulty: (n % 3) + 1,
          stem: `Generated scenario ${n} for ${c.code}: the ${w(1)} and ${w(2)} team asks about ${w(3)} ${n % 97}. What should the CTO do first?`,
          options: Object.fromEntries(LETTERS.map((l, k) => [l, `Option ${l} for item ${n}: review the ${w(k + 4)} with the ${w(k + 5)} owner.`])),
          answer,
          rationale: Object.fromEntries(LETTERS.map((l) => [l, l === answer ? 'The key for this generated item.' : 'A distractor for this generated item.'])),
          refs: ['generated'],
          review: { verdict: 'PASS', note: 'Generated for load tests.' },
        };
      });
      writeFileSync(join(folder, `${c.code}.yaml`), stringify({ code: c.code, items }, { lineWidth: 0 }));
    });
  }
  return new Map(perArea.map((p) => [p.area, p.count]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { items: { type: 'string', default: '10000' }, out: { type: 'string' } } });
  if (!values.out) {
    console.error('Usage: npx tsx scripts/generate-bank.ts --items 100000 --out /tmp/bank');
    process.exit(2);
  }
  const counts = generateBank(Number(values.items), values.out);
  console.log(`wrote ${values.items} items to ${values.out}: ${[...counts].map(([a, c]) => `area ${a} ${c}`).join(', ')}`);
}
