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
}
