// Records the rubric and every prompt text in use, so an essay and its scores can always be shown
// against the exact version they were written and scored to. New versions only; nothing is updated.
import type { Db } from '../../db/client.ts';
import { promptVersions, rubricVersions } from '../../db/schema/index.ts';
import type { Part2Bank } from './load.ts';

export function syncPart2(db: Db, part2: Part2Bank, now: number): { promptVersions: number } {
  let added = 0;
  db.transaction((tx) => {
    tx.insert(rubricVersions).values({ version: part2.rubric.version, content: part2.rubric, createdAt: now }).onConflictDoNothing().run();
    for (const prompt of part2.prompts) {
      added += tx.insert(promptVersions).values({ promptId: prompt.id, version: prompt.version, content: prompt, createdAt: now }).onConflictDoNothing().run().changes;
    }
  });
  return { promptVersions: added };
}
