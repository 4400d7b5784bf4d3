/**
 * The built-in career frameworks, written from the seed documents.
 * `builtInFrameworks` lists them in display order; IC0–IC4/M1–M3 comes first
 * because the sample data uses it.
 */
import type { BuiltInFramework } from '../../domain/framework';
import { careerTrackIcManager } from './career-track-ic-manager';
import { ic0M3Levels } from './ic0-m3-levels';
import { pathwaysGeHoe } from './pathways-ge-hoe';
import { streamsEngineeringArchitectureManagement } from './streams-engineering-architecture-management';

export { careerTrackIcManager } from './career-track-ic-manager';
export { ic0M3Levels } from './ic0-m3-levels';
export { pathwaysGeHoe } from './pathways-ge-hoe';
export { streamsEngineeringArchitectureManagement } from './streams-engineering-architecture-management';

export const builtInFrameworks: readonly BuiltInFramework[] = [
  ic0M3Levels,
  careerTrackIcManager,
  pathwaysGeHoe,
  streamsEngineeringArchitectureManagement,
];
