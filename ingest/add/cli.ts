/** npm run add -- <raw file> [--slug <slug>] [--force] [--set field=value …] [--keep-draft]: see main.ts. */
import { main } from './main.ts';

process.exitCode = main(process.argv.slice(2));
