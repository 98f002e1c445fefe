import { serveTasks } from '../worker-pool.ts';
import { square } from './pool-task.ts';

serveTasks(square);
