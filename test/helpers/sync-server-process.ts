import { startServer } from '../../src/server/serve';

/** One sync server process on DATABASE_URL (or PGlite in SYNC_DATA_DIR), for the test of several servers on one PostgreSQL and the sync bench; prints its port. */
const server = await startServer({ port: 0, host: '127.0.0.1', databaseUrl: process.env.DATABASE_URL, dataDir: process.env.SYNC_DATA_DIR, logLevel: 'warn' });
const address = server.app.server.address();
console.log(`port ${typeof address === 'object' && address ? address.port : 0}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
