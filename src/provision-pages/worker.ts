/** Worker thread entry of the provision pages (build.ts): each document of a batch through provisionPagesOf(). */
import { serveTasks } from '../lib/worker-pool.ts';
import { provisionWriter } from './document.ts';

serveTasks(provisionWriter);
