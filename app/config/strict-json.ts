// The config file's JSON reader. JSON.parse lets the last of two equal keys win (a second
// "preventDestroy": false turns protection off unseen in review), recurses without bound, and turns
// invalid UTF-8 into U+FFFD; this reader refuses all three and bounds everything a file can grow.

/** Limits far above any real config (1,000 groups is ~40 KB); each has its own message. */
export const JSON_LIMITS = {
  /** Bytes in the file. */
  fileBytes: 1024 * 1024,
  /** Objects and lists inside one another. */
  depth: 32,
  /** Characters in one string or key. */
  stringLength: 2048,
  /** Items in one list, or keys in one object. */
  listLength: 5000,
} as const;

/** Where a problem is: 1-based line and column. */
export interface JsonPosition {
  readonly line: number;
  readonly column: number;
}

/** A file that is not the strict JSON a config must be; the message says where and what to do. */
export class JsonSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonSyntaxError";
  }
}

/**
 * Decodes UTF-8, refusing invalid bytes with their offset (Node's decoder would silently write
 * U+FFFD in their place, and a name would change unseen). A byte order mark is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (bytes.length > JSON_LIMITS.fileBytes) {
    throw new JsonSyntaxError(
      `is ${bytes.length} bytes, over the limit of ${JSON_LIMITS.fileBytes}: a config is a few KB; check that this is the right file.`,
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const offset = invalidUtf8Offset(bytes);
    throw new JsonSyntaxError(`is not valid UTF-8 at byte offset ${offset}: save the file as UTF-8.`);
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    const next = bytes.subarray(i, i + length);
    if (next.length < length) return i;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(next);
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Parses `text` as strict JSON: no duplicate keys, bounded depth, string and list lengths. */
export function parseStrictJson(text: string): unknown {
  return new Parser(text).document();
}

class Parser {
  private i = 0;

  constructor(private readonly text: string) {}

  public document(): unknown {
    this.space();
    const value = this.value(0, "(root)");
    this.space();
    if (this.i < this.text.length)
      this.fail("Unexpected text after the end of the JSON document", "Remove it: a config is one object.");
    return value;
  }

  private value(depth: number, field: string): unknown {
    if (depth > JSON_LIMITS.depth)
      this.fail(`Nesting deeper than ${JSON_LIMITS.depth} levels`, "A config nests a few levels: check the file.");
    const c = this.text[this.i];
    if (c === "{") return this.object(depth, field);
    if (c === "[") return this.list(depth, field);
    if (c === '"') return this.string(field);
    if (c === "-" || (c >= "0" && c <= "9")) return this.number();
    for (const [word, value] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    this.unexpected();
  }

  private object(depth: number, field: string): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const lines = new Map<string, number>();
    this.i++;
    this.space();
    if (this.eat("}")) return result;
    for (;;) {
      if (this.text[this.i] !== '"') this.unexpected("Expected a double-quoted property name");
      const line = this.position().line;
      const key = this.string(field);
      const path = field === "(root)" ? key : `${field}.${key}`;
      const first = lines.get(key);
      if (first !== undefined) {
        const where = field === "(root)" ? "at the top level" : `in ${field}`;
        throw new JsonSyntaxError(
          `Duplicate key "${key}" ${where}, ${first === line ? `twice on line ${line}` : `on lines ${first} and ${line}`}. JSON readers silently keep only the last one: remove one.`,
        );
      }
      if (lines.size >= JSON_LIMITS.listLength)
        this.fail(`More than ${JSON_LIMITS.listLength} keys in ${field}`, "Check the file.");
      lines.set(key, line);
      this.space();
      if (!this.eat(":")) this.unexpected("Expected ':' after property name");
      this.space();
      // defineProperty: a "__proto__" key stays a key, as JSON.parse keeps it, instead of setting the prototype.
      Object.defineProperty(result, key, {
        value: this.value(depth + 1, path),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.space();
      if (this.eat("}")) return result;
      if (!this.eat(",")) this.unexpected("Expected ',' or '}' after property value");
      this.space();
    }
  }

  private list(depth: number, field: string): unknown[] {
    const result: unknown[] = [];
    this.i++;
    this.space();
    if (this.eat("]")) return result;
    for (;;) {
      if (result.length >= JSON_LIMITS.listLength)
        this.fail(`More than ${JSON_LIMITS.listLength} items in ${field}`, "Check the file.");
      result.push(this.value(depth + 1, `${field}.${result.length}`));
      this.space();
      if (this.eat("]")) return result;
      if (!this.eat(",")) this.unexpected("Expected ',' or ']' after array element");
      this.space();
    }
  }

  private string(field: string): string {
    const start = this.i;
    const end = this.stringEnd();
    if (end - start - 2 > JSON_LIMITS.stringLength * 6) this.longString(field, start);
    let value: string;
    try {
      value = JSON.parse(this.text.slice(start, end)) as string;
    } catch {
      this.i = start;
      this.fail(
        "Bad escape or control character in string",
        'Escape quotes as \\" and backslashes as \\\\; write line breaks as \\n.',
      );
    }
    if (value.length > JSON_LIMITS.stringLength) this.longString(field, start);
    this.i = end;
    return value;
  }

  private longString(field: string, start: number): never {
    this.i = start;
    return this.fail(
      `A string in ${field} is longer than ${JSON_LIMITS.stringLength} characters`,
      "Shorten it: names and labels are short.",
    );
  }

  /** Index just past the closing quote of the string starting at `this.i`. */
  private stringEnd(): number {
    for (let j = this.i + 1; j < this.text.length; j++) {
      const c = this.text[j];
      if (c === "\\") j++;
      else if (c === '"') return j + 1;
      else if (c === "\n") {
        this.i = j;
        this.fail("Unterminated string", "Close the string with a double quote before the line ends.");
      }
    }
    this.i = this.text.length;
    return this.fail("Unterminated string", "The file ends early: close every string, { and [.");
  }

  private number(): number {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!match) this.unexpected("Bad number");
    this.i += match[0].length;
    return Number(match[0]);
  }

  private space(): void {
    while (this.i < this.text.length && " \t\n\r".includes(this.text[this.i])) this.i++;
  }

  private eat(c: string): boolean {
    if (this.text[this.i] !== c) return false;
    this.i++;
    return true;
  }

  /** The usual causes of unexpected text, named at the place they are. */
  private unexpected(what = "Unexpected token"): never {
    const rest = this.text.slice(this.i);
    const before = this.text.slice(0, this.i);
    if (rest === "") return this.fail("Unexpected end of JSON input", "The file ends early: close every { and [.");
    if (/^\/[/*]/.test(rest)) return this.fail("Comment", "Remove the comment: JSON allows none.");
    if (/,\s*$/.test(before) && /^[}\]]/.test(rest))
      return this.fail("Trailing comma", "Remove the trailing comma: JSON allows none.");
    if (rest.startsWith("'")) return this.fail(what, "Use double quotes: JSON allows no single quotes.");
    return this.fail(what, "Fix the syntax there.");
  }

  private fail(what: string, fix: string): never {
    const at = this.position();
    throw new JsonSyntaxError(`${what} at line ${at.line}, column ${at.column}. ${fix}`);
  }

  private position(): JsonPosition {
    const before = this.text.slice(0, this.i);
    const line = before.split("\n").length;
    return { line, column: this.i - before.lastIndexOf("\n") };
  }
}
