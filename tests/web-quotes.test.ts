// A quote a skill gives the source's author, checked against what its model read on the web.
import { describe, expect, it } from 'vitest';
import { checkAgainstWeb } from '../src/lib/analysis/web-quotes.ts';
import type { CallRecord } from '../src/lib/content/schema.ts';
import type { QuoteCheck } from '../src/lib/reading/quotes.ts';
import type { Location } from '../src/lib/content/experiment.ts';

const quote = (text: string, participant = 'codex-t'): QuoteCheck & { at: Location } => ({
  text,
  file: `skills/${participant}/SKILL.md`,
  line: 3,
  context: '',
  kind: 'attributed',
  found: false,
  match: 'none',
  at: { kind: 'skill', participant, file: 'SKILL.md' },
});

function call(participant: string, web: boolean, reads: { url: string; text: string }[]) {
  return {
    participant,
    trace: {
      web,
      reads,
      searches: [{ query: 'author', urls: ['https://a.example/1', 'https://b.example/2'] }],
    },
  } as unknown as CallRecord;
}

const PAGE = {
  url: 'https://a.example/1',
  text: 'She said: "small commits are a kindness to the reviewer" once.',
};

describe('quotes against what a model read', () => {
  it('finds a quote in a page the model read, and it is no longer a finding', () => {
    const [q] = checkAgainstWeb(
      [quote('Small commits are a kindness to the reviewer')],
      [call('codex-t', true, [PAGE])],
    );
    expect(q).toMatchObject({ found: true, web: { foundIn: 'https://a.example/1' } });
  });

  it('names what was read and what was only searched when the quote is in none of it', () => {
    const [q] = checkAgainstWeb(
      [quote('Large commits are never reviewed at all')],
      [call('codex-t', true, [PAGE])],
    );
    expect(q.found).toBe(false);
    expect(q.web).toEqual({ read: ['https://a.example/1'], searchedOnly: ['https://b.example/2'] });
  });

  it('leaves alone a model without the web, and what another model read', () => {
    const quotes = [quote('Small commits are a kindness to the reviewer', 'claude-t')];
    expect(
      checkAgainstWeb(quotes, [call('codex-t', true, [PAGE]), call('claude-t', false, [])]),
    ).toEqual(quotes);
  });
});
