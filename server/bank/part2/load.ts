// Reads question-bank/part2/: the rubric, audiences, jargon list and every prompt file, validated.
// Every problem names its file, line and field; any problem leaves the database as it was.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TSchema } from 'typebox';
import type { FrameworkIndex } from '../../domain/framework.ts';
import type { Audience, JargonTerm, Prompt } from '../../domain/part2.ts';
import type { Rubric } from '../../domain/rubric.ts';
import { schemaProblems } from '../load.ts';
import type { BankProblem } from '../problem.ts';
import { readYamlFile, type YamlFile } from '../yaml-file.ts';
import { AudiencesFileSchema, JargonFileSchema, PromptFileSchema, ReaderFileSchema, RubricFileSchema, type PromptFile, type ReaderFile, type RubricFile } from './schema.ts';
import type { ReaderTuning } from '../../domain/reading/reading.ts';

export interface Part2Bank {
  rubric: Rubric;
  audiences: Map<string, Audience>;
  jargon: JargonTerm[];
  prompts: Prompt[];
  promptById: Map<string, Prompt>;
  /** The automated reader's thresholds; null until `npm run essays:agreement -- --write` has run. */
  tuning: ReaderTuning | null;
}

export const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function readChecked<T>(path: string, schema: TSchema, problems: BankProblem[], floats = false): { yaml: YamlFile; data: T } | null {
  const yaml = readYamlFile(path, relative(process.cwd(), path) || path, { floats });
  for (const [line, message] of yaml.errors) problems.push({ file: yaml.file, line, field: null, itemId: null, message });
  if (yaml.errors.length) return null;
  const found = schemaProblems(yaml, schema, (p) => (p[0] === 'prompts' ? ((yaml.data as PromptFile).prompts[Number(p[1])]?.id ?? null) : null));
  problems.push(...found);
  return found.length ? null : { yaml, data: yaml.data as T };
}

export function loadPart2(bankDir: string, framework: FrameworkIndex): { part2: Part2Bank | null; problems: BankProblem[] } {
  const dir = join(bankDir, 'part2');
  const problems: BankProblem[] = [];
  const rubricFile = readChecked<RubricFile>(join(dir, 'rubric.yaml'), RubricFileSchema, problems);
  const audiencesFile = readChecked<{ audiences: Audience[] }>(join(dir, 'audiences.yaml'), AudiencesFileSchema, problems);
  const jargonFile = readChecked<{ terms: JargonTerm[] }>(join(dir, 'jargon.yaml'), JargonFileSchema, problems);
  if (!rubricFile || !audiencesFile || !jargonFile) return { part2: null, problems };

  const { title, levels, criteria } = rubricFile.data;
  const rubric: Rubric = { version: hashOf({ title, levels, criteria }), title, levels, criteria };
  const criterionIds = new Set(criteria.map((c) => c.id));
  const audiences = new Map(audiencesFile.data.audiences.map((a) => [a.id, a]));
  const prompts: Prompt[] = [];
  const firstSeen = new Map<string, string>();
  const promptDir = join(dir, 'prompts');
  const files = existsSync(promptDir) ? readdirSync(promptDir).filter((f) => f.endsWith('.yaml')).sort() : [];
  for (const name of files) {
    const checked = readChecked<PromptFile>(join(promptDir, name), PromptFileSchema, problems);
    if (!checked) continue;
    const { yaml, data } = checked;
    const at = (i: number, field: string, id: string, message: string, path: (string | number)[] = []) =>
      problems.push({ file: yaml.file, line: yaml.lineOf(['prompts', i, ...(path.length ? path : [field])]), field, itemId: id, message });
    const expected = `area-${String(data.area).padStart(2, '0')}.yaml`;
    if (name !== expected) problems.push({ file: yaml.file, line: yaml.lineOf(['area']), field: 'area', itemId: null, message: `area ${data.area} belongs in ${expected}` });
    data.prompts.forEach((p, i) => {
      if (!p.id.startsWith(`P${String(data.area).padStart(2, '0')}-`)) at(i, 'id', p.id, `id must start with P${String(data.area).padStart(2, '0')}- (the file's area)`);
      const earlier = firstSeen.get(p.id);
      if (earlier) at(i, 'id', p.id, `duplicate id; first used in ${earlier}`);
      firstSeen.set(p.id, yaml.file);
      p.codes.forEach((code, j) => {
        if (!framework.codeArea.has(code)) at(i, 'codes', p.id, `${code} is not one of the framework's skill codes`, ['codes', j]);
      });
      if (framework.codeArea.get(p.codes[0]) !== data.area) at(i, 'codes', p.id, `the first code must lie in area ${data.area}`);
      if (!audiences.has(p.audience)) at(i, 'audience', p.id, `${p.audience} is not an audience; use one of ${[...audiences.keys()].join(', ')}`);
      if (p.words.min >= p.words.max) at(i, 'words', p.id, 'words.min must be below words.max');
      const keyIds = p.keyPoints.map((k) => k.id);
      if (new Set(keyIds).size !== keyIds.length) at(i, 'keyPoints', p.id, 'key point ids must be unique');
      p.anchors?.forEach((a, j) => {
        for (const field of ['scores', 'why'] as const) {
          const given = Object.keys(a[field]);
          const wrong = given.filter((id) => !criterionIds.has(id));
          const missing = [...criterionIds].filter((id) => !given.includes(id));
          if (wrong.length || missing.length) {
            at(i, `anchors.${field}`, p.id, `anchor ${a.id} must give every criterion (${[...criterionIds].join(', ')})` +
              `${wrong.length ? `; unknown: ${wrong.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}`, ['anchors', j, field]);
          }
        }
      });
      const content = {
        title: p.title.trim(), codes: p.codes, audience: p.audience, minutes: p.minutes, words: p.words,
        scenario: p.scenario.trim(), task: p.task.trim(), keyPoints: p.keyPoints, exemplar: p.exemplar.trim(),
        anchors: (p.anchors ?? []).map((a) => ({ ...a, text: a.text.trim() })),
      };
      prompts.push({ id: p.id, version: hashOf(content), area: data.area, ...content });
    });
  }
  const readerPath = join(dir, 'reader.yaml');
  const tuning = existsSync(readerPath) ? readChecked<ReaderFile>(readerPath, ReaderFileSchema, problems, true)?.data ?? null : null;
  if (problems.length) return { part2: null, problems };
  return {
    part2: { rubric, audiences, jargon: jargonFile.data.terms, prompts, promptById: new Map(prompts.map((p) => [p.id, p])), tuning },
    problems,
  };
}
