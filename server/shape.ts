import { readFileSync } from 'fs';
import { parse } from '/work/main/node_modules/yaml/dist/index.js';
import { optionShape } from '/work/main/server/bank/cues.ts';
const ids = process.argv.slice(2);
const fs = require('fs');
for (const area of ['08','10']) {
  for (const f of fs.readdirSync(`/work/main/question-bank/part1/${area}`)) {
    const doc = parse(readFileSync(`/work/main/question-bank/part1/${area}/${f}`, 'utf8'));
    for (const it of doc.items) {
      if (ids.length && !ids.includes(it.id)) continue;
      const sh = ['A','B','C','D'].map(l => optionShape(it.options[l], it.stem));
      const out = ['A','B','C','D'].map((l,i)=>`${l}${l===it.answer?'*':' '} w${sh[i].words} L${sh[i].length} p${sh[i].parts}${sh[i].justification?' J':''}${sh[i].absolute?' X':''} o${sh[i].stemOverlap}`).join(' | ');
      console.log(it.id, it.review?.verdict ?? '-', out);
    }
  }
}
