// npm run backup [-- --to FILE]: an online, consistent copy of DATABASE_PATH (the server may keep running).
import { parseArgs } from 'node:util';
import { join, dirname, resolve } from 'node:path';
import { backupDatabase } from '../server/db/backup.ts';

const { values } = parseArgs({ options: { to: { type: 'string' } } });
const source = resolve(process.env.DATABASE_PATH ?? './data/cetl.sqlite');
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
const destination = resolve(values.to ?? join(dirname(source), 'backups', `cetl-${stamp}.sqlite`));
const { pages, integrity } = await backupDatabase(source, destination);
console.log(`backed up ${source} → ${destination} (${pages} pages, integrity ${integrity})`);
console.log('To restore: stop the server, copy this file to DATABASE_PATH (deleting any -wal and -shm files beside it), start the server.');
if (integrity !== 'ok') process.exit(1);
