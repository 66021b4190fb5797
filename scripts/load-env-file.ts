// Loads ./.env into process.env when the file exists, silently otherwise (Node's --env-file-if-exists prints
// ".env not found. Continuing without it."). Import it first in an entry script: ES modules evaluate their imports
// in order, so variables are set before lib/env.ts is first read. Variables already set are kept.
import fs from 'node:fs';

if (fs.existsSync('.env')) process.loadEnvFile('.env');
