/** Child-process entry of the search index's parts (build.ts): each task through writePart(). */
import { serveTasks } from '../lib/worker-pool.ts';
import { partWriter } from './write-part.ts';

serveTasks(partWriter);
