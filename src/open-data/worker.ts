/** Worker thread entry of the open-data step (build.ts): each document of a batch through openDataOf(). */
import { serveTasks } from '../lib/worker-pool.ts';
import { openDataWriter } from './document.ts';

serveTasks(openDataWriter);
