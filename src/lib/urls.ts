// Addresses that may carry secrets: credentials in a git URL never reach a file, a log line or a page.

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
