/**
 * Where a production worker's door (see door) is loaded from: bundled beside
 * start.cjs in a standalone artifact, the TypeScript source (through tsx) in
 * the monorepo.
 */
import path from 'node:path';

export const ARTIFACT_START = 'start.cjs';
export const ARTIFACT_DOOR = 'door.cjs';

export const MONOREPO_DOOR = path.join(__dirname, 'door-loader.cjs');
