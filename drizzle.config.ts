import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src/core/db/schema/index.ts',
  // Shipped inside the app and applied at start-up (src/core/db/migrate.ts).
  out: './resources/migrations',
});
