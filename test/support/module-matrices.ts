import type { ModuleMatrix } from './permission-matrix.ts';
import { challengesMatrix } from '../../src/server/challenges/challenges.permissions.ts';
import { similarityMatrix } from '../../src/server/challenges/similarity.permissions.ts';
import { servicesMatrix, sitesMatrix, symbiosisMatrix } from '../../src/server/sites/sites.permissions.ts';
import { skillsMatrix } from '../../src/server/skills/skills.permissions.ts';

/**
 * Each module's permission cases (a `*.permissions.ts` file beside its routes), run by
 * src/server/permissions.test.ts with the registry's own table. Add one line per module.
 */
export const MODULE_MATRICES: ModuleMatrix[] = [
  sitesMatrix,
  servicesMatrix,
  symbiosisMatrix,
  challengesMatrix,
  similarityMatrix,
  skillsMatrix,
];
