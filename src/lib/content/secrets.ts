// Secrets never reach a file, a log line or a page: credentials in URLs, the keys in use in anything a
// model or a server says, and anything shaped like a key in error texts.
// Every pattern here runs in time linear in the text: error texts and origins come from outside and
// can be megabytes long.

/** "://userinfo@": the part of a URL that may hold credentials; the scheme is looked up backwards. */
const AUTHORITY = /:\/\/([^\s@/]+)@/g;
const SCHEME_CHAR = /[a-z0-9+.-]/i;
const SSH_SCHEME = /^(ssh|git\+ssh|ssh\+git)$/i;

/** The scheme before the "://" at `at`: the run of scheme characters that ends there. */
function schemeBefore(text: string, at: number): string {
  let start = at;
  while (start > 0 && SCHEME_CHAR.test(text[start - 1])) start--;
  return text.slice(start, at);
}

/**
 * Every URL in `text` without its credentials: "https://user:token@host/r" -> "https://host/r".
 * A bare user name stays for ssh ("ssh://git@host/r"), where it is no secret; for http(s) any user
 * part goes, since a token is often given as the user name alone.
 */
export function stripCredentials(text: string): string {
  return text.replace(AUTHORITY, (whole, userinfo: string, at: number) =>
    SSH_SCHEME.test(schemeBefore(text, at)) && !userinfo.includes(':') ? whole : '://',
  );
}

/**
 * Shapes of API keys and tokens: sk-…/sk-ant-…/sk-proj-…, GitHub tokens, long opaque strings. A
 * fixed count then `*` (not `{n,}`, which V8 runs out of stack on over megabytes of one run).
 */
const KEY_SHAPES = [
  /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{6}[A-Za-z0-9_-]*/g,
  /\b(?:ghp|gho|ghu|ghs|ghr|github_pat|xox[abprs]|AIza)[A-Za-z0-9_-]{10}[A-Za-z0-9_-]*/g,
];
/** "Bearer <token>": a token of 8 characters or more; dots that end it end the sentence. */
const AUTH_HEADER = /\b(Bearer|Basic)(\s+)([A-Za-z0-9._~+/=-]{8}[A-Za-z0-9._~+/=-]*)/gi;
/** A long opaque string: a run of 32 or more of these characters, with a digit and a letter. */
const OPAQUE_RUN = /[A-Za-z0-9_-]{32}[A-Za-z0-9_-]*/g;

const REDACTED = '[redacted]';

/** The text with each of `known` (the keys in use, 8 characters or more) replaced by "[redacted]". */
export function redactKnown(text: string, known: (string | undefined)[]): string {
  let out = text;
  for (const key of known) if (key && key.length >= 8) out = out.split(key).join(REDACTED);
  return out;
}

/**
 * The text with credentials in URLs, each of `known` (the keys in use) and every key-shaped string
 * replaced by "[redacted]": for error texts, where nothing shaped like a key is ever meant to be shown.
 */
export function redactSecrets(text: string, known: (string | undefined)[] = []): string {
  let out = redactKnown(stripCredentials(text), known);
  for (const shape of KEY_SHAPES) out = out.replace(shape, REDACTED);
  out = out.replace(AUTH_HEADER, (whole, scheme: string, space: string, token: string) => {
    let end = token.length;
    while (end > 0 && token[end - 1] === '.') end--;
    return end >= 8 ? `${scheme}${space}${REDACTED}${token.slice(end)}` : whole;
  });
  return out.replace(OPAQUE_RUN, (run) =>
    /\d/.test(run) && /[A-Za-z]/.test(run) ? REDACTED : run,
  );
}

/** Every string in a model's answer (any JSON value) with the keys in use redacted. */
export function redactKnownDeep<T>(value: T, known: (string | undefined)[]): T {
  if (typeof value === 'string') return redactKnown(value, known) as T;
  if (Array.isArray(value)) return value.map((v) => redactKnownDeep(v, known)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, redactKnownDeep(v, known)]),
    ) as T;
  return value;
}

/** The most of an error text that is stored, printed and published. */
export const MAX_ERROR_CHARS = 2000;

/**
 * An error text from outside as it is stored, printed and published: its first line, with secrets
 * redacted, and at most MAX_ERROR_CHARS of it, saying how long it was. The keys in use are redacted
 * in the whole text first, so that no cut can split one.
 */
export function errorText(text: string, known: (string | undefined)[] = []): string {
  const line = text.slice(0, text.indexOf('\n') >>> 0);
  const head = redactKnown(line, known).slice(0, MAX_ERROR_CHARS * 8);
  const clean = redactSecrets(head, known);
  if (line.length <= MAX_ERROR_CHARS && clean.length <= MAX_ERROR_CHARS) return clean;
  return `${clean.slice(0, MAX_ERROR_CHARS)}… [cut: ${sizeOf(line.length)} in all]`;
}

const sizeOf = (chars: number) =>
  chars >= 1e6
    ? `${(chars / 1e6).toFixed(1)} M characters`
    : `${Math.ceil(chars / 1000)} K characters`;
