/** Worker thread entry of the link check (check-links.ts): each run of pages through linkChecker(). */
import { serveTasks } from '../../src/lib/worker-pool.ts';
import { linkChecker } from './check-links.ts';

serveTasks(linkChecker);
