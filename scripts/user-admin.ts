// npm run user:admin -- EMAIL: gives an existing account the admin role (it answers question
// reports). Uses DATABASE_PATH like the server; the account must have signed up first.
import { openDatabase } from '../server/db/client.ts';
import { loadConfig } from '../server/config.ts';

const email = process.argv[2];
if (!email) {
  console.error('Usage: npm run user:admin -- EMAIL');
  process.exit(1);
}
const db = openDatabase(loadConfig().databasePath);
const changed = db.$client.prepare("update users set role = 'admin' where lower(email) = lower(?)").run(email).changes;
db.$client.close();
if (!changed) {
  console.error(`No account uses ${email}; sign up first, then run this again.`);
  process.exit(1);
}
console.log(`${email} is now an admin.`);
