// Reads question-bank/: the framework (blueprint.yaml) and every Part I item file, validated.
import { readdirSync, existsSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { Type, type TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { areaOfCode, frameworkProblems, indexFramework, type Framework, type FrameworkIndex } from '../domain/framework.ts';
import { ItemFileSchema, type ItemFile } from './item-schema.ts';
import { readYamlFile, type YamlFile } from './yaml-file.ts';
import type { BankProblem } from './problem.ts';
import type { ItemContent } from '../db/schema/items.ts';

export interface BankItem {
  id: string;
  code: string;
  area: number;
  file: string;
  line: number | null;
  content: ItemContent;
  /** The independent reader's verdict; null until the item has been read. */
  verdict: 'PASS' | 'MINOR' | 'FAIL' | null;
}

export interface Bank {
  framework: FrameworkIndex | null;
  items: BankItem[];
  problems: BankProblem[];
}

const FrameworkSchema = Type.Object({
  categories: Type.Array(
    Type.Object({ id: Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III')]), name: Type.String(), weight: Type.Integer() }),
    { minItems: 1 },
  ),
  areas: Type.Array(
    Type.Object({
      number: Type.Integer({ minimum: 1 }),
      name: Type.String({ minLength: 1 }),
      weight: Type.Integer({ minimum: 1 }),
      category: Type.String(),
      codes: Type.Array(Type.Object({ code: Type.String(), summary: Type.String({ minLength: 1 }) }), { minItems: 1 }),
    }),
    { minItems: 1 },
  ),
});

export function schemaProblems(yaml: YamlFile, schema: TSchema, itemIdAt?: (path: string[]) => string | null): BankProblem[] {
  // The most specific error per location is enough to act on.
  const seen = new Set<string>();
  const out: BankProblem[] = [];
  for (const e of Value.Errors(schema, yaml.data)) {
    if (e.keyword === 'boolean' || seen.has(e.instancePath)) continue;
    seen.add(e.instancePath);
    const path = e.instancePath.split('/').slice(1);
    const extra = e.keyword === 'additionalProperties' ? ` (${(e.params as { additionalProperties: string[] }).additionalProperties.join(', ')})` : '';
    out.push({
      file: yaml.file,
      line: yaml.lineOf(path),
      field: path.filter((p) => !/^\d+$/.test(p)).join('.') || null,
      itemId: itemIdAt?.(path) ?? null,
      message: e.message + extra,
    });
  }
  return out;
}

export function loadFramework(bankDir: string): { framework: FrameworkIndex | null; problems: BankProblem[] } {
  const path = join(bankDir, 'blueprint.yaml');
  const yaml = readYamlFile(path, relative(process.cwd(), path) || path);
  const problems: BankProblem[] = yaml.errors.map(([line, message]) => ({ file: yaml.file, line, field: null, itemId: null, message }));
  if (problems.length) return { framework: null, problems };
  problems.push(...schemaProblems(yaml, FrameworkSchema));
  if (problems.length) return { framework: null, problems };
  const framework = yaml.data as Framework;
  for (const message of frameworkProblems(framework)) problems.push({ file: yaml.file, line: null, field: null, itemId: null, message });
  return { framework: problems.length ? null : indexFramework(framework), problems };
}

function itemFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function loadBank(bankDir: string): Bank {
  const { framework, problems } = loadFramework(bankDir);
  if (!framework) return { framework, items: [], problems };
  const items: BankItem[] = [];
  const firstSeen = new Map<string, string>();
  for (const path of itemFiles(join(bankDir, 'part1'))) {
    const yaml = readYamlFile(path, relative(process.cwd(), path) || path);
    const fileProblem = (line: number | null, field: string | null, itemId: string | null, message: string) =>
      problems.push({ file: yaml.file, line, field, itemId, message });
    for (const [line, message] of yaml.errors) fileProblem(line, null, null, message);
    if (yaml.errors.length) continue;
    const data = yaml.data as ItemFile;
    const idAt = (path: string[]) => {
      const i = path[0] === 'items' ? Number(path[1]) : NaN;
      const id = Number.isInteger(i) ? data?.items?.[i]?.id : undefined;
      return typeof id === 'string' ? id : null;
    };
    const shapeProblems = schemaProblems(yaml, ItemFileSchema, idAt);
    problems.push(...shapeProblems);
    if (shapeProblems.length) continue;
    const fileCode = basename(path, '.yaml');
    if (data.code !== fileCode) fileProblem(yaml.lineOf(['code']), 'code', null, `code ${data.code} does not match the file name ${fileCode}.yaml`);
    const area = framework.codeArea.get(data.code);
    if (area === undefined) {
      fileProblem(yaml.lineOf(['code']), 'code', null, `${data.code} is not one of the framework's skill codes`);
      continue;
    }
    const folder = basename(join(path, '..'));
    if (folder !== String(area).padStart(2, '0')) fileProblem(null, null, null, `file belongs in part1/${String(area).padStart(2, '0')}/, not part1/${folder}/`);
    const lines = yaml.itemLines();
    data.items.forEach((source, i) => {
      const line = lines[i] ?? null;
      if (!source.id.startsWith(`${data.code}-`)) fileProblem(line, 'id', source.id, `id must start with ${data.code}- (the file's code)`);
      const earlier = firstSeen.get(source.id);
      if (earlier) fileProblem(line, 'id', source.id, `duplicate id; first used in ${earlier}`);
      firstSeen.set(source.id, `${yaml.file}:${line}`);
      items.push({
        id: source.id,
        code: data.code,
        area: areaOfCode(data.code),
        file: yaml.file,
        line,
        verdict: source.review?.verdict ?? null,
        content: {
          difficulty: source.difficulty,
          stem: source.stem.trim(),
          options: source.options,
          answer: source.answer,
          rationale: source.rationale,
          refs: source.refs,
        },
      });
    });
  }
  return { framework, items, problems };
}
