/**
 * Reads text a user hands the CLI (a pasted error, a log, a pipeline file) from a file or standard input, with
 * the checks that turn bad input into one clear `InputError`: missing or unreadable file, a directory, empty
 * input, binary data (NUL bytes or bytes that are not UTF-8), and a size cap so a 50 MB paste cannot exhaust
 * memory. Files saved as UTF-16 with a byte-order mark (Windows PowerShell's `>` does that) are decoded too.
 */
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { InputError } from "./errors.js";

/** The most bytes read from one file or stream; the rest is left unread. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export interface TextInput {
  readonly text: string;
  /** `"standard input"` or the path as given. */
  readonly source: string;
  /** Whether the input was longer than the cap and only its first `MAX_INPUT_BYTES` were read. */
  readonly truncated: boolean;
}

export interface ReadTextOptions {
  /** Byte cap; default {@link MAX_INPUT_BYTES}. */
  readonly maxBytes?: number;
}

/** Reads standard input (or any byte stream) up to the cap. Breaking out of the loop stops the stream. */
export async function readStreamText(
  stream: AsyncIterable<Uint8Array | string>,
  options: ReadTextOptions = {},
): Promise<TextInput> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
    chunks.push(bytes);
    size += bytes.length;
    if (size > maxBytes) break;
  }
  return decodeInput(Buffer.concat(chunks), "standard input", maxBytes);
}

/** Reads a file up to the cap; `path` is resolved against `cwd`. */
export async function readFileText(
  path: string,
  cwd: string,
  options: ReadTextOptions = {},
): Promise<TextInput> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  let handle;
  try {
    handle = await open(resolve(cwd, path), "r");
  } catch (error) {
    throw fileError(path, error);
  }
  try {
    if ((await handle.stat()).isDirectory()) throw new InputError(`${path} is a directory, not a file`);
    // One byte past the cap tells "exactly the cap" from "longer than the cap".
    const buffer = Buffer.alloc(maxBytes + 1);
    let size = 0;
    while (size < buffer.length) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    return decodeInput(buffer.subarray(0, size), path, maxBytes);
  } catch (error) {
    throw error instanceof InputError ? error : fileError(path, error);
  } finally {
    await handle.close();
  }
}

/** The `InputError` for a file that could not be opened or read. */
export function fileError(path: string, error: unknown): InputError {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return new InputError(`${path}: no such file`);
    case "EACCES":
    case "EPERM":
      return new InputError(`${path}: permission denied`);
    case "EISDIR":
      return new InputError(`${path} is a directory, not a file`);
    default:
      return new InputError(`${path} could not be read${typeof code === "string" ? ` (${code})` : ""}`);
  }
}

/** Turns bytes into text, or explains why they are not text. */
export function decodeInput(bytes: Buffer, source: string, maxBytes: number = MAX_INPUT_BYTES): TextInput {
  const truncated = bytes.length > maxBytes;
  const kept = truncated ? bytes.subarray(0, maxBytes) : bytes;
  const encoding = byteOrderMarkEncoding(kept);
  if (encoding === "utf-8" && kept.includes(0)) {
    throw new InputError(`${source} looks like a binary file (it contains NUL bytes), not text`);
  }
  let text: string;
  try {
    // `stream: true` keeps a character cut in half by the cap from counting as invalid.
    text = new TextDecoder(encoding, { fatal: true }).decode(kept, { stream: truncated });
  } catch {
    throw new InputError(`${source} is not valid ${encoding === "utf-8" ? "UTF-8" : "UTF-16"} text`);
  }
  if (text.trim() === "") throw new InputError(`${source} is empty`);
  return { text, source, truncated };
}

function byteOrderMarkEncoding(bytes: Buffer): "utf-8" | "utf-16le" | "utf-16be" {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/** Human size for messages: `8 MiB`. */
export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}

/** Reads `path`, or standard input when `path` is `-`. */
export async function readPathOrStdin(
  path: string,
  io: { readonly stdin: AsyncIterable<Uint8Array | string>; readonly cwd: string },
  options: ReadTextOptions = {},
): Promise<TextInput> {
  if (path === "") throw new InputError("an empty path was given");
  return path === "-" ? readStreamText(io.stdin, options) : readFileText(path, io.cwd, options);
}
