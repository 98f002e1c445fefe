/** Worker of the pool's test with an async handler (src/lib/worker-pool.test.ts). */
import { serveTasks } from '../worker-pool.ts';
import { squareLater } from './pool-task.ts';

serveTasks(squareLater);
