/**
 * Finds where JSON breaks, as a line number and a plain sentence. JSON.parse already knows the input
 * is broken but, on Node 20, often says only "Unexpected token" with no position; staff who
 * hand-edit chapters or transcripts need "line 14: expected , or }". This walker follows the JSON
 * grammar just far enough to find the first fault; it runs only after JSON.parse has failed, so its
 * speed does not matter and it never decides what valid JSON means.
 */
export function locateJsonError(text: string): { line: number; why: string } {
  const walker = new JsonWalker(text);
  try {
    walker.document();
    // Reached only if JSON.parse disagreed with this walker; point at the start rather than guess.
    return { line: 1, why: 'the file is not valid JSON' };
  } catch (error) {
    if (!(error instanceof Located)) throw error;
    return { line: lineOf(text, error.pos), why: error.why };
  }
}

class Located extends Error {
  constructor(
    readonly pos: number,
    readonly why: string,
  ) {
    super(why);
  }
}

class JsonWalker {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): void {
    this.value(0);
    this.skipSpace();
    if (this.pos < this.text.length) this.fail(`unexpected ${this.found()} after the end of the JSON`);
  }

  private value(depth: number): void {
    if (depth > 512) this.fail('the JSON is nested too deeply');
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === '{') this.object(depth);
    else if (ch === '[') this.array(depth);
    else if (ch === '"') this.string();
    else if (ch === '-' || (ch >= '0' && ch <= '9')) this.number();
    else {
      const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.pos));
      if (!word) {
        this.fail(
          `expected a value (text in double quotes, a number, true, false, null, { or [) but found ${this.found()}`,
        );
      }
      this.pos += word!.length;
    }
  }

  private object(depth: number): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"')
        this.fail(`expected a property name in double quotes but found ${this.found()}`);
      this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':')
        this.fail(`expected : after the property name but found ${this.found()}`);
      this.pos++;
      this.value(depth + 1);
      if (this.endOfList('}')) return;
    }
  }

  private array(depth: number): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return;
    }
    do this.value(depth + 1);
    while (!this.endOfList(']'));
  }

  /** After a member: true at the closing bracket, false after a comma, a clear fault otherwise. */
  private endOfList(close: '}' | ']'): boolean {
    this.skipSpace();
    if (this.text[this.pos] === ',') {
      this.pos++;
      this.skipSpace();
      if (this.text[this.pos] === close) this.fail(`a comma before ${close} is not allowed in JSON`);
      return false;
    }
    if (this.text[this.pos] === close) {
      this.pos++;
      return true;
    }
    return this.fail(`expected , or ${close} but found ${this.found()}`);
  }

  private string(): void {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '"') {
        this.pos++;
        return;
      }
      if (ch === '\n') this.fail('text in double quotes cannot run over the end of a line');
      if (ch < ' ') this.fail('text in double quotes contains a control character; write it as \\t or \\n');
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6)))
          this.pos += 6;
        else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.pos += 2;
        else
          this.fail('unknown escape in text; only \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX are allowed');
        continue;
      }
      this.pos++;
    }
    this.pos = start;
    this.fail('this text in double quotes is never closed');
  }

  private number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.pos, this.pos + 400),
    );
    if (!match) this.fail('this is not a valid JSON number');
    this.pos += match![0].length;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  private found(): string {
    return this.pos >= this.text.length ? 'the end of the file' : `"${this.text[this.pos]}"`;
  }

  private fail(why: string): never {
    throw new Located(this.pos, why);
  }
}

function lineOf(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
