/**
 * A tool's command line through node:util parseArgs (strict), with one way of
 * failing: a wrong option prints `<tool>: <what is wrong>` and the usage,
 * then exits 1, instead of a stack trace. `check` adds a tool's own rule
 * (a message to print, or nothing when the arguments are fine).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export function cliArgs<T extends ParseArgsConfig>(
  tool: string,
  usage: string,
  config: T,
  check?: (parsed: ReturnType<typeof parseArgs<T>>) => string | undefined,
): ReturnType<typeof parseArgs<T>> {
  let message: string | undefined;
  try {
    const parsed = parseArgs(config);
    message = check?.(parsed);
    if (message === undefined) return parsed;
  } catch (e) {
    message = (e as Error).message;
  }
  console.error(`${tool}: ${message}\n  usage: ${usage}`);
  process.exit(1);
}
