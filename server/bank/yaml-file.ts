// Reads a YAML file fast (js-yaml), and finds positions only when a problem must name its line
// (the `yaml` library's position-keeping parse, done lazily: it is several times slower).
import { readFileSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';

export interface YamlFile {
  file: string;
  data: unknown;
  /** Line (1-based) of the value at a JSON-pointer-like path, or of its nearest existing parent. */
  lineOf(path: (string | number)[]): number | null;
  /** Line of each entry of the top-level `items` list (a text scan; exact for files in the bank's layout). */
  itemLines(): (number | null)[];
  /** Parse errors as [line, message]. */
  errors: [number | null, string][];
}

// No float type: "3E-001" (an item id) would otherwise be read as the number 0.003. The bank has no
// fractional values; integers, booleans and null keep their types.
// (js-yaml exports its built-in types at run time; its type declarations omit them.)
const { types } = jsYaml as unknown as { types: Record<'null' | 'bool' | 'int', jsYaml.Type> };
const SCHEMA = new jsYaml.Schema({ implicit: [types.null, types.bool, types.int] });

/** `floats`: read decimal numbers (only files without item ids need them, like the reader's tuning). */
export function readYamlFile(file: string, displayName = file, { floats = false } = {}): YamlFile {
  const text = readFileSync(file, 'utf8');
  let data: unknown;
  const errors: [number | null, string][] = [];
  try {
    data = jsYaml.load(text, { schema: floats ? jsYaml.DEFAULT_SCHEMA : SCHEMA, filename: displayName });
  } catch (err) {
    if (!(err instanceof jsYaml.YAMLException)) throw err;
    errors.push([err.mark ? err.mark.line + 1 : null, err.reason]);
  }
  let positions: { doc: Document; lines: LineCounter } | null = null;
  const lineOf = (path: (string | number)[]) => {
    if (!positions) {
      const lines = new LineCounter();
      positions = { doc: parseDocument(text, { lineCounter: lines }), lines };
    }
    for (let n = path.length; n >= 0; n--) {
      const node = positions.doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return positions.lines.linePos(node.range[0]).line;
    }
    return null;
  };
  return {
    file: displayName,
    data: errors.length ? undefined : data,
    errors,
    lineOf,
    itemLines() {
      const items = (data as { items?: unknown[] } | undefined)?.items;
      if (!Array.isArray(items)) return [];
      const starts: number[] = [];
      text.split('\n').forEach((line, i) => {
        if (/^ {0,4}- id:/.test(line)) starts.push(i + 1);
      });
      return starts.length === items.length ? starts : items.map((_, i) => lineOf(['items', i, 'id']));
    },
  };
}
