import { defineConfig } from 'prisma/config';

// Used by `prisma generate` only. Migrations are applied by Inkwell's runner (npm run migrate).
export default defineConfig({
  schema: 'schema.prisma',
});
