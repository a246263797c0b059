/**
 * Finds the authentication failures in a log of any size, streamed: GitHub Actions and Azure DevOps logs, `az`
 * output, an app's own output. Bytes go in chunk by chunk; memory stays bounded whatever the log's size or its
 * lines' length. A cheap prefilter (one linear regular expression over each chunk) skips the text where nothing
 * can fail; only the lines around a hit are cut out, grouped into failures (a multi-line aggregate is one failure)
 * and explained, once per distinct failure.
 */
import { createHash } from "node:crypto";
import { TextDecoder } from "node:util";
import { explainAuthError } from "../explainAuthError.js";
import type { Diagnosis } from "../diagnosis/types.js";

/** The most characters kept of one line; the rest of a longer line is read and dropped. */
export const MAX_LINE_CHARS = 8 * 1024;
/** The most lines and characters one failure may span. */
const MAX_BLOCK_LINES = 120;
const MAX_BLOCK_CHARS = 32 * 1024;
/** The most distinct failures kept per log; further ones are counted only. */
export const MAX_FAILURES = 500;
/** The most line numbers kept per failure. */
const MAX_OCCURRENCE_LINES = 20;
/** Lines that continue nothing may sit between two lines of one aggregate (its members' hints, quoted names). */
const MAX_GAP = 3;

/**
 * Words that appear in (nearly) every authentication failure and rarely elsewhere. Case-sensitive literals in one
 * alternation: linear, and fast on text where none occurs.
 */
const PREFILTER =
  /AADSTS\d|Credential(?:Unavailable|:| authentication| is unavailable|s? failed)|AuthenticationError|AuthenticationRequired|AuthenticationFailed|AuthorizationFailed|AuthorizationPermissionMismatch|InvalidAuthenticationToken|ExpiredAuthenticationToken|invalid_client|invalid_grant|unauthorized_client|interaction_required|Unauthorized|UNAUTHORIZED|unauthorized:|Forbidden|FORBIDDEN|az login|Connect-AzAccount|azd auth login|Login failed|login failed|[Ss]tatus[ _]?[Cc]ode"?[:=]? ?40[13]\b|Status: 40[13]\b|HTTP\/[\d.]+ 40[13]\b|RESPONSE 40[13]\b|Response \[40[13]\]|\b40[13] \(/g;

/**
 * A cheaper, wider net run over whole chunks first: fragments of the words above, fast to search for (about six
 * times the speed of the full expression). Lines it catches are then tested with {@link PREFILTER}.
 */
const COARSE =
  /AADSTS|redential|uthenticat|uthoriz|UTHORIZ|orbidden|ORBIDDEN|invalid_|interaction_|login|AzAccount|tatus|TATUS|HTTP\/|RESPONSE|Response \[|40[13] \(/g;

/** A CI runner's prefix: timestamp, `##[error]`, `::error::`, `[command]`. */
const LOG_PREFIX =
  /^\uFEFF?(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z ?)?(?:##\[[a-z]{1,12}\]|::[a-z]{1,12}(?: [^:]{0,200})?::|\[command\])?/;

/** A line that belongs to the failure above it: indented, a stack frame, or one of the fields errors print. */
const CONTINUATION =
  /^(?:[ \t]|[-*] |at |Attempted credentials|To (?:mitigate|troubleshoot)|Trace ID|Correlation ID|Timestamp|Status:|ErrorCode|Error ?[Cc]ode|Code:|Message:|Content:|Headers:|Inner|Caused by|More details|Exception|Request ID|\{|\}|\]|"|\||Visit |See |For more)/;

/** The first line of an aggregate whose members follow on their own lines. */
const AGGREGATE_HEAD =
  /AggregateAuthenticationError|ChainedTokenCredential authentication failed|failed to retrieve a token from the included credentials|DefaultAzureCredential authentication failed|Attempted credentials/;

/** A line just before a hit that names the error the hit details (`Azure.RequestFailedException: ...`). */
const ERROR_INTRO = /(?:Exception|Error)\b|ERROR/;

/** One distinct failure found in a log. */
export interface LogFailure {
  /** 1-based line where it first occurs. */
  line: number;
  /** Last line of its first occurrence. */
  endLine: number;
  /** How many times it occurs. */
  count: number;
  /** Its first lines of occurrence (at most 20). */
  lines: number[];
  diagnosis: Diagnosis;
}

/** What scanning one log found. */
export interface LogScanResult {
  /** Lines read. */
  lines: number;
  bytes: number;
  /** Lines longer than the kept length (their ends were not searched). */
  longLines: number;
  failures: LogFailure[];
  /** Distinct failures beyond the ones kept (more than 500). */
  moreFailures: number;
}

interface Block {
  first: number;
  last: number;
  lines: string[];
  chars: number;
  aggregate: boolean;
  gap: string[];
}

/**
 * Feed it bytes or text with `write`, then call `end` for the result. Never throws on any input: bytes that are not
 * UTF-8 become U+FFFD, NUL bytes are text like any other, a line of any length costs at most `MAX_LINE_CHARS`.
 */
export class LogScanner {
  private decoder: TextDecoder | null = null;
  private carry = "";
  /** The current line is longer than the cap: drop its text until the next newline. */
  private dropping = false;
  private lineNo = 0;
  private bytes = 0;
  private longLines = 0;
  private previousLine = "";
  private block: Block | null = null;
  private readonly groups = new Map<string, LogFailure>();
  private readonly explained = new Map<string, string | null>();
  private moreFailures = 0;

  write(chunk: Uint8Array | string): void {
    const bytes =
      typeof chunk === "string"
        ? Buffer.from(chunk, "utf8")
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    if (bytes.length === 0) return;
    if (this.bytes === 0) {
      const encoding = encodingOf(bytes);
      // UTF-16 (Windows PowerShell's `>`) is decoded as it streams; anything else is searched byte for byte as
      // Latin-1 (fast, and a character cut by a chunk boundary cannot break a search for ASCII words), and
      // only the lines kept are decoded as UTF-8.
      if (encoding !== "utf-8") this.decoder = new TextDecoder(encoding, { fatal: false });
    }
    this.bytes += bytes.length;
    this.take(
      this.decoder === null ? bytes.toString("latin1") : this.decoder.decode(bytes, { stream: true }),
    );
  }

  end(): LogScanResult {
    if (this.decoder) this.take(this.decoder.decode());
    if (this.carry !== "" || this.dropping) {
      this.lineNo++;
      this.line(this.carry);
      this.carry = "";
      this.dropping = false;
    }
    this.closeBlock();
    return {
      lines: this.lineNo,
      bytes: this.bytes,
      longLines: this.longLines,
      failures: [...this.groups.values()].sort((a, b) => a.line - b.line),
      moreFailures: this.moreFailures,
    };
  }

  private take(input: string): void {
    let text = input;
    if (this.dropping) {
      const newline = text.indexOf("\n");
      if (newline === -1) return;
      this.dropping = false;
      this.lineNo++;
      this.line(this.carry);
      this.carry = "";
      text = text.slice(newline + 1);
    }
    const lastNewline = text.lastIndexOf("\n");
    if (lastNewline === -1) {
      this.keepTail(this.carry + text);
      return;
    }
    const complete =
      this.carry === "" ? text.slice(0, lastNewline + 1) : this.carry + text.slice(0, lastNewline + 1);
    this.carry = "";
    this.lines(complete);
    this.keepTail(text.slice(lastNewline + 1));
  }

  /** Keeps an unfinished line, cut to the cap. */
  private keepTail(tail: string): void {
    if (tail.length > MAX_LINE_CHARS) {
      this.carry = tail.slice(0, MAX_LINE_CHARS);
      this.dropping = true;
      this.longLines++;
    } else {
      this.carry = tail;
    }
  }

  /** `text` holds whole lines, each ending in `\n`. */
  private lines(text: string): void {
    let pos = 0;
    const end = text.length;
    while (pos < end) {
      if (this.block === null) {
        COARSE.lastIndex = pos;
        const hit = COARSE.exec(text);
        if (hit === null) {
          this.previousLine = lastLineBefore(text, end, pos) ?? this.previousLine;
          this.lineNo += countNewlines(text, pos, end);
          return;
        }
        const lineStart = text.lastIndexOf("\n", hit.index - 1) + 1;
        if (lineStart > pos) {
          this.previousLine = lastLineBefore(text, lineStart, pos) ?? this.previousLine;
          this.lineNo += countNewlines(text, pos, lineStart);
          pos = lineStart;
        }
      }
      const newline = text.indexOf("\n", pos);
      const stop = newline === -1 ? end : newline;
      this.lineNo++;
      if (stop - pos > MAX_LINE_CHARS) this.longLines++;
      this.line(text.slice(pos, Math.min(stop, pos + MAX_LINE_CHARS)));
      pos = stop + 1;
    }
  }

  /** Latin-1 text back to what its bytes say in UTF-8 (bytes that are not UTF-8 become U+FFFD). */
  private decode(raw: string): string {
    const text = this.decoder === null ? Buffer.from(raw, "latin1").toString("utf8") : raw;
    return stripPrefix(text.endsWith("\r") ? text.slice(0, -1) : text);
  }

  /** One line, while a failure is open or when the wide net caught it. */
  private line(raw: string): void {
    const block = this.block;
    // Most lines reach here only because the wide net caught them: test them before decoding anything.
    if (block === null && !hits(raw)) {
      this.previousLine = raw;
      return;
    }
    const line = this.decode(raw);
    if (block !== null) {
      if (line.trim() === "") {
        this.closeBlock();
      } else if (CONTINUATION.test(line) || (block.aggregate && hits(line))) {
        this.extend(block, line);
      } else if (hits(line)) {
        this.closeBlock();
        this.open(line);
      } else if (block.aggregate && block.gap.length < MAX_GAP) {
        block.gap.push(line);
      } else {
        this.closeBlock();
      }
    } else if (hits(line)) {
      this.open(line);
    }
    this.previousLine = raw;
  }

  private open(line: string): void {
    const before = this.decode(this.previousLine);
    const intro = before.trim() !== "" && !hits(before) && ERROR_INTRO.test(before);
    this.block = {
      first: intro ? this.lineNo - 1 : this.lineNo,
      last: this.lineNo,
      lines: intro ? [before, line] : [line],
      chars: line.length + (intro ? before.length : 0),
      aggregate: AGGREGATE_HEAD.test(line),
      gap: [],
    };
  }

  private extend(block: Block, line: string): void {
    if (block.lines.length >= MAX_BLOCK_LINES || block.chars + line.length > MAX_BLOCK_CHARS) {
      this.closeBlock();
      return;
    }
    for (const waiting of block.gap) block.lines.push(waiting);
    block.gap = [];
    block.lines.push(line);
    block.chars += line.length;
    block.last = this.lineNo;
    if (!block.aggregate && AGGREGATE_HEAD.test(line)) block.aggregate = true;
  }

  private closeBlock(): void {
    const block = this.block;
    if (block === null) return;
    this.block = null;
    const text = block.lines.join("\n");
    // Repeats differ only in times, IDs and counters: explain each distinct shape once.
    const shape = createHash("sha1")
      .update(text.replace(/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|\d+/g, "#"))
      .digest("hex");
    let key = this.explained.get(shape);
    let diagnosis: Diagnosis | null = null;
    if (key === undefined) {
      diagnosis = explainAuthError(text);
      key = isAuthenticationFailure(diagnosis) ? groupKey(diagnosis) : null;
      if (this.explained.size < 10_000) this.explained.set(shape, key);
    }
    if (key === null) return;
    const group = this.groups.get(key);
    if (group) {
      group.count++;
      if (group.lines.length < MAX_OCCURRENCE_LINES) group.lines.push(block.first);
      return;
    }
    if (this.groups.size >= MAX_FAILURES) {
      this.moreFailures++;
      return;
    }
    this.groups.set(key, {
      line: block.first,
      endLine: block.last,
      count: 1,
      lines: [block.first],
      diagnosis: diagnosis ?? explainAuthError(text),
    });
  }
}

function hits(line: string): boolean {
  PREFILTER.lastIndex = 0;
  return PREFILTER.test(line);
}

function stripPrefix(line: string): string {
  const prefix = LOG_PREFIX.exec(line)?.[0] ?? "";
  return prefix === "" ? line : line.slice(prefix.length);
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  let at = text.indexOf("\n", from);
  while (at !== -1 && at < to) {
    count++;
    at = text.indexOf("\n", at + 1);
  }
  return count;
}

/** The last whole line of `text` before `end` (which follows a newline), not before `from`. */
function lastLineBefore(text: string, end: number, from: number): string | undefined {
  if (end <= from) return undefined;
  const start = text.lastIndexOf("\n", end - 2) + 1;
  return text.slice(Math.max(start, from), Math.min(end - 1, Math.max(start, from) + MAX_LINE_CHARS));
}

function encodingOf(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/** A hit the diagnosis confirms: an entry matched, or a code, a 401/403 or an OAuth error was found. */
function isAuthenticationFailure(d: Diagnosis): boolean {
  return (
    d.matches.length > 0 ||
    d.stsCode !== null ||
    d.oauthError !== null ||
    d.httpStatus === 401 ||
    d.httpStatus === 403 ||
    d.category !== "other"
  );
}

function groupKey(d: Diagnosis): string {
  return [
    d.category,
    d.matches[0]?.id ?? "",
    d.stsCode ?? "",
    d.httpStatus ?? "",
    d.serviceErrorCode ?? "",
  ].join("|");
}
