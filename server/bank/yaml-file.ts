// Reads a YAML file keeping positions, so every problem can name its line.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, isScalar, visit, type Document } from 'yaml';

export interface YamlFile {
  file: string;
  data: unknown;
  /** Line (1-based) of the value at a JSON-pointer-like path, or of its nearest existing parent. */
  lineOf(path: (string | number)[]): number | null;
  /** Parse errors as [line, message]. */
  errors: [number | null, string][];
}

/** Keys whose values are always text: "3E-001" would otherwise be read as the number 0.003. */
const TEXT_KEYS = new Set(['id', 'code']);

export function readYamlFile(file: string, displayName = file): YamlFile {
  const text = readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && TEXT_KEYS.has(String(pair.key.value)) && isScalar(pair.value) && typeof pair.value.value !== 'string') {
        pair.value.value = pair.value.source ?? String(pair.value.value);
      }
    },
  });
  const errors = doc.errors.map((e): [number | null, string] => [
    e.linePos?.[0]?.line ?? null,
    e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
  ]);
  return {
    file: displayName,
    data: errors.length ? undefined : doc.toJS(),
    errors,
    lineOf(path) {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return null;
    },
  };
}
