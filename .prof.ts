import fs from 'node:fs';
import { parseImportFile } from './src/jobs/imports/parse-file.ts';
import { rowMapper, suggestColumnMapping } from './src/domain/imports/column-mapping.ts';
import { cordisOrganisationsDefinition as d, planCordisParticipations } from './src/domain/cordis/cordis-import.ts';
const bytes = fs.readFileSync('/tmp/csvtry/org.csv');
let t = performance.now();
const parsed = await parseImportFile(bytes, 'csv', { delimiter: ';' });
if (!parsed.ok) throw new Error('x');
console.log('parse', Math.round(performance.now() - t));
const { headers, rows } = parsed.table;
const mapping = suggestColumnMapping(d.fields, headers);
t = performance.now();
const mr = rowMapper(headers, mapping);
const vals = [];
for (let i = 0; i < rows.length; i++) { const x = d.validateRow(mr(rows[i]!), i, undefined); if (!x.ok) throw new Error('bad'); vals.push({ row: i, value: x.value }); }
console.log('validate', Math.round(performance.now() - t));
t = performance.now();
planCordisParticipations(vals.map((v) => v.value));
console.log('plan', Math.round(performance.now() - t));
