// Secrets never reach a file, a log line or a page: credentials in URLs, and API keys in error texts.

const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s@/]+)@/gi;

/**
 * Every URL in `text` without its credentials: "https://user:token@host/r" -> "https://host/r".
 * A bare user name stays for ssh ("ssh://git@host/r"), where it is no secret; for http(s) any user
 * part goes, since a token is often given as the user name alone.
 */
export function stripCredentials(text: string): string {
  return text.replace(USERINFO, (whole, scheme: string, userinfo: string) =>
    /^(ssh|git\+ssh|ssh\+git):\/\/$/i.test(scheme) && !userinfo.includes(':') ? whole : scheme,
  );
}

/** Shapes of API keys and tokens: sk-…/sk-ant-…/sk-proj-…, GitHub tokens, bearer tokens, long opaque strings. */
const KEY_SHAPES = [
  /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{6,}/g,
  /\b(?:ghp|gho|ghu|ghs|ghr|github_pat|xox[abprs]|AIza)[A-Za-z0-9_-]{10,}/g,
  /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{7,}[A-Za-z0-9_~+/=-]/gi,
  /\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}\b/g,
];

/** The text with every key-shaped string, and each of `known` (the keys in use), replaced by "[redacted]". */
export function redactSecrets(text: string, known: (string | undefined)[] = []): string {
  let out = stripCredentials(text);
  for (const key of known) if (key && key.length >= 8) out = out.split(key).join('[redacted]');
  for (const shape of KEY_SHAPES) out = out.replace(shape, (m, scheme?: string) => (typeof scheme === 'string' && /^(bearer|basic)$/i.test(scheme) ? `${scheme} [redacted]` : '[redacted]'));
  return out;
}
