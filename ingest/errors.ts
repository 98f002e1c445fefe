/**
 * An ingest failure an author can act on: what is wrong, in which file (and
 * line, when known), and what to do about it.
 */
export class IngestError extends Error {
  file?: string;
  line?: number;
  hint?: string;
  constructor(message: string, where: { file?: string; line?: number; hint?: string } = {}) {
    const loc = where.file ? `${where.file}${where.line ? `:${where.line}` : ''}: ` : '';
    super(`${loc}${message}${where.hint ? `\n  hint: ${where.hint}` : ''}`);
    this.name = 'IngestError';
    Object.assign(this, where);
  }

  /** The same error again from its parts as a worker thread sent them (`message` already holds the file and hint). */
  static revive(e: { message: string; file?: string; line?: number; hint?: string; stack?: string }): IngestError {
    const err = new IngestError('');
    err.message = e.message;
    if (e.stack) err.stack = e.stack;
    for (const k of ['file', 'line', 'hint'] as const) if (e[k] !== undefined) Object.assign(err, { [k]: e[k] });
    return err;
  }
}
