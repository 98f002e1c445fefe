/**
 * The one way the build reads an editor-written JSON data file: parse it,
 * check it against its zod schema, and on any problem throw one error type
 * naming the file, the line and what to write instead. Build-time (Node).
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { z } from 'zod';

/** A path as the reader knows it: inside the working directory relative (src/content/targets.json), else as given. */
export function shownPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const r = relative(process.cwd(), file);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r : file;
}

/**
 * The one error of every data file (editor-written or generated): the file,
 * the line when known, what is wrong and what to write instead. Subclassed
 * only where a caller must tell a kind apart (none needs to yet).
 */
export class DataFileError extends Error {
  /** The file as given (absolute for the project's own files). */
  readonly file: string;
  readonly line: number | undefined;
  /** What is wrong, without the place. */
  readonly detail: string;
  readonly hint: string;
  constructor(file: string, line: number | undefined, message: string, hint: string) {
    super(`${shownPath(file)}${line ? `:${line}` : ''}: ${message}\n  hint: ${hint}`);
    this.detail = message;
    this.hint = hint;
    this.name = 'DataFileError';
    this.file = file;
    this.line = line;
  }
}

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/**
 * Where the value at `path` starts in the JSON text (the text is already known
 * to be valid JSON). A small scanner rather than a dependency: it only skips
 * strings, numbers and literals and counts array items and object keys.
 */
export function offsetOf(text: string, path: readonly PropertyKey[]): number | undefined {
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const string = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skip = (): void => {
    ws();
    const c = text[i];
    if (c === '"') {
      string();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      while (text[i] !== close) {
        if (c === '{') {
          ws();
          string();
          ws();
          i++;
        }
        skip();
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  for (const key of path) {
    ws();
    if (text[i] === '{') {
      i++;
      for (;;) {
        ws();
        if (text[i] === '}') return undefined;
        const k = string();
        ws();
        i++;
        ws();
        if (k === String(key)) break;
        skip();
        ws();
        if (text[i] === ',') i++;
      }
    } else if (text[i] === '[') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (text[i] === ']') return undefined;
        if (n === Number(key)) break;
        skip();
        ws();
        if (text[i] === ',') i++;
      }
    } else return undefined;
  }
  ws();
  return i;
}

/** The line of the value at `path` (or of its nearest enclosing value that exists). */
export function lineOf(text: string, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const at = offsetOf(text, path.slice(0, n));
    if (at !== undefined) return lineAt(text, at);
  }
  return undefined;
}

/**
 * Where JSON text first goes wrong, as an offset (V8's message does not
 * always give one). A strict recursive-descent check, run only after
 * JSON.parse has failed.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const str = () => {
    if (text[i] !== '"') fail();
    i++;
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          str();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === close) fail();
          continue;
        }
        if (text[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (at) {
    if (typeof at === 'number') return at;
    throw at;
  }
  return i;
}

/** Parses JSON text; a syntax error names the line. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message.split('\n')[0].slice(0, 120);
    throw new DataFileError(
      file,
      lineAt(text, syntaxErrorOffset(text)),
      `not valid JSON (${message})`,
      'Check commas and quotes: JSON allows no comments and no comma after the last item.',
    );
  }
}

/**
 * A data file read and checked, with what its own checks need to report a
 * problem at its place: `error(path, …)` is a DataFileError naming the line of
 * the value at `path` (e.g. ['datong-gaozhiliang', 's3-4-99'] in the topic map).
 */
export interface JsonDocument<T> {
  file: string;
  data: T;
  /** The line of the value at `path` (or of the nearest enclosing value). */
  lineOf(path: readonly PropertyKey[]): number | undefined;
  /** An error at the value at `path`. */
  error(path: readonly PropertyKey[], message: string, hint: string): DataFileError;
}

/**
 * Reads and checks one data file. `schemaFile` is where an editor reads the
 * format; the error gives the first problem with its field path and line.
 * `hint` replaces the default hint (generated files say how to regenerate).
 */
export function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  schemaFile: string,
  hint?: string,
): z.infer<S> {
  return readJsonDocument(file, schema, schemaFile, hint).data;
}

/** readJsonFile, keeping the text for errors found after the schema (unknown ids, duplicates). */
export function readJsonDocument<S extends z.ZodType>(
  file: string,
  schema: S,
  schemaFile: string,
  hint?: string,
): JsonDocument<z.infer<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataFileError(
      file,
      undefined,
      `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      'Check that the file exists and is readable.',
    );
  }
  const data = checkJson(text, file, schema, schemaFile, hint);
  const line = (path: readonly PropertyKey[]) => lineOf(text, path);
  return {
    file,
    data,
    lineOf: line,
    error: (path, message, hint) => new DataFileError(file, line(path), message, hint),
  };
}

/** readJsonFile for text already in hand (tests, generated files). */
export function checkJson<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  schemaFile: string,
  hint?: string,
): z.infer<S> {
  const data = parseJson(text, file);
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.map(String).join('.') || '(file)';
  // A field the schema does not know: point at that field, not at its object.
  const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
  throw new DataFileError(
    file,
    lineOf(text, at),
    `${where}: ${issue.message}`,
    hint ?? `See ${schemaFile} for the format.`,
  );
}

/** A file-name rule for data files whose name is an id and a URL (glossary entries, topics). */
export const ID_FILE = /^[a-z0-9]+(-[a-z0-9]+)*\.json$/;
export function checkIdFileName(dir: string, name: string, what: string, example: string): string {
  if (!ID_FILE.test(name)) {
    throw new DataFileError(
      `${dir}/${name}`,
      undefined,
      `the file name "${name}" is not a valid ${what} id`,
      `Name the file with lower-case ASCII words joined by hyphens, e.g. ${example}; the name becomes the URL.`,
    );
  }
  return name.replace(/\.json$/, '');
}
