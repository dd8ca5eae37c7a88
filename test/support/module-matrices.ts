import type { ModuleMatrix } from './permission-matrix.ts';
import { challengesMatrix } from '../../src/server/challenges/challenges.permissions.ts';
import { similarityMatrix } from '../../src/server/challenges/similarity.permissions.ts';
import { servicesMatrix, sitesMatrix, symbiosisMatrix } from '../../src/server/sites/sites.permissions.ts';
import { skillsMatrix } from '../../src/server/skills/skills.permissions.ts';
import { trainingPathsMatrix } from '../../src/server/training/paths.permissions.ts';
import { pipelineMatrix } from '../../src/server/projects/pipeline.permissions.ts';
import { cordisMatrix } from '../../src/server/cordis/cordis.permissions.ts';
import { partnersMatrix } from '../../src/server/partners/partners.permissions.ts';
import { consortiumMatrix } from '../../src/server/projects/consortium.permissions.ts';
import {
  continuingEducationMatrix,
  workingLifeMatrix,
} from '../../src/server/training/working-life.permissions.ts';

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
  trainingPathsMatrix,
  pipelineMatrix,
  cordisMatrix,
  partnersMatrix,
  consortiumMatrix,
  workingLifeMatrix,
  continuingEducationMatrix,
];
