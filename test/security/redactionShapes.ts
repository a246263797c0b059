/**
 * Text built to make each of redaction's scanners work hard: near-misses repeated without end, values that never
 * close, names that never get a value. Used by the linear-time test (each shape, doubled, must take about twice
 * as long) and worth running by hand when a scanner changes.
 */
export const HARD_SHAPES: Record<string, string> = {
  "JWT starts, one per line": `ew${"A".repeat(30)}\n`,
  "JWT starts with spaced dots": `eyJ${"a".repeat(20)} . `,
  "eyJ then a long run": `eyJ${"b".repeat(5000)} `,
  "unclosed quoted value": `${"x".repeat(50)} client_secret="`,
  "names without values": "password: ",
  "secret words glued": "secret",
  "weak separator, quoted path, one line": 'password "/',
  "weak separator, bare path, one line": "password /x ",
  "Bearer then nothing": "Bearer ",
  "Bearer then a line break": "Bearer\n",
  "Basic then base64": "Basic QUJD",
  "PEM begin markers": "-----BEGIN ",
  "PEM private key headers": "-----BEGIN PRIVATE KEY-----",
  "URL schemes": "https://aaaaaaaaaa ",
  "URL schemes glued": "://a",
  "AADSTS codes glued": "AADSTS1234567",
  "AADSTS codes glued to base64": "AADSTS1234567QUJDREVGR0hJ",
  "base64 lines": `${"QUJD".repeat(10)}\n`,
  "percent escapes": "%41",
  "JSON escapes": "\\u0041",
  "HTML entities": "&amp;",
  braces: "{",
  quotes: '"',
  "single quotes": "'",
  "escaped quotes": '\\"',
  "XML start tags never closed": "<ClientSecret ",
  "XML elements": "<ClientSecret>",
  "app.config keys": 'key="ClientSecret" ',
  "password flags": "-p ",
  SecureString: "ConvertTo-SecureString ",
  "prefixed tokens": "ghp_abc",
  "client secret shape": "abc1Q~",
  colons: "a:",
  "name then -String": "password = -String ",
  "closing quote glue": 'password="a"b"c"d',
  "escapes before names": "\\nAZURE_CLIENT_SECRET",
  dots: ".",
  "brackets after =": "password=[[[[",
};

/** `bytes` of the shape, repeated. */
export function repeatShape(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}
