// Prints the built client's JavaScript and CSS sizes (raw and gzip), largest first.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = 'dist/client/assets';
const rows = readdirSync(dir)
  .filter((f) => /\.(js|css)$/.test(f))
  .map((f) => {
    const data = readFileSync(join(dir, f));
    return { file: f, raw: statSync(join(dir, f)).size, gzip: gzipSync(data, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
console.log('\nclient bundle sizes (gzip):');
for (const r of rows) console.log(`${kb(r.gzip)} gzip ${kb(r.raw)} raw  ${r.file}`);
