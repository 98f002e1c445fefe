/**
 * Worker thread entry (parallel.ts, src/lib/worker-pool.ts): sets up the
 * renderer once (render-files.ts), then renders each batch of documents it is
 * sent, writing the results to the rendering cache; an error goes back as
 * its message (which already names the file, line and fix).
 */
import { serveTasks } from '../../lib/worker-pool.ts';
import { createFileRenderer } from './render-files.ts';

serveTasks(createFileRenderer);
