// Redaction on texts from outside (error pages, origins) of megabytes: every pattern runs in linear
// time, so these finish at once; the quadratic patterns they replace took minutes on 400 KB (5.7 s
// on 80 KB) and ran out of stack on a few MB. The times are measured by npm run bench:secrets.
import { describe, expect, it } from 'vitest';
import { redactSecrets, stripCredentials } from '../../src/lib/content/secrets.ts';

const junk = (n: number) => 'a-'.repeat(n / 2);

describe('redaction of large hostile texts', () => {
  it('redacts a key after 400 KB of word boundaries', () => {
    const out = redactSecrets(`${junk(400_000)} key sk-live-0123456789abcdef done`);
    expect(out.endsWith(' key [redacted] done')).toBe(true);
    expect(out).not.toContain('sk-live');
  });

  it('strips credentials after 400 KB of scheme-like text', () => {
    const out = stripCredentials(`${junk(400_000)} https://user:token@example.com/r`);
    expect(out.endsWith(' https://example.com/r')).toBe(true);
  });

  it('keeps a text without any key as it is, however long', () => {
    const text = `${'://a:'.repeat(100_000)}${'Bearer '.repeat(50_000)}`;
    expect(redactSecrets(text)).toBe(text);
  });

  it('redacts one key of 8 MB without running out of stack', () => {
    const out = redactSecrets(
      `token: sk-${'0a'.repeat(4_000_000)} and Bearer ${'x'.repeat(8_000_000)}.`,
    );
    expect(out).toBe('token: [redacted] and Bearer [redacted].');
  });

  it('still tells keys from words: a bearer token ends before a full stop, an opaque string needs a digit', () => {
    expect(redactSecrets('Authorization: Bearer abcdefgh123.')).toBe(
      'Authorization: Bearer [redacted].',
    );
    expect(redactSecrets('Bearer abc.')).toBe('Bearer abc.');
    const words = 'a-very-long-identifier-made-of-words-only';
    expect(redactSecrets(words)).toBe(words);
    expect(redactSecrets(`id ${'ab12'.repeat(10)}`)).toBe('id [redacted]');
    expect(stripCredentials('ssh://git@host/r and ssh://u:p@host/r')).toBe(
      'ssh://git@host/r and ssh://host/r',
    );
  });
});
