/**
 * Fallback entry for the bench's app child: server/main.ts without the demo seeding, used only
 * while server/seed/demo.ts (imported by main.ts) does not exist yet. Same app, same database
 * opening, same job worker, same shutdown on SIGTERM.
 */
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/core/config.js';
import { openDatabase } from '../server/core/db/client.js';
import { startJobWorker } from '../server/core/jobs/queue.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  const app = await buildApp(database, config, { logger: process.env.LOG_LEVEL !== 'silent', serveWeb: true });
  const worker = startJobWorker(database);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Elevlos (bench entry) is running on port ${config.port}`);
  const stop = async () => {
    await worker.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
