// A three-model experiment definition pointed at the model API double, for the runner tests.
import path from 'node:path';
import { writeTree } from './helpers.ts';

export const PARTICIPANTS = ['gpt-test', 'claude-test', 'local-test'];

export async function writeDefinition(dir: string, apiUrl: string, extra = ''): Promise<void> {
  await writeTree(dir, {
    'source.md':
      '# A short note\n\nSmall steps, each checked, beat one big leap. Write the test first.\n',
    'experiment.yaml': `# a definition written by the test
title: Runner test
date: 2026-03-01
provenance: { kind: run }
source: source.md
skillName: "{model}-small-steps"
prompts:
  generation: |
    Write an agent skill from this note. Name the skill {skill_name}.
    {source}
  evaluation: |
    Judge these {count} skills ({labels}) against the note.
    {source}
    {skills}
participants:
  - { id: gpt-test, model: gpt-test, provider: openai, params: { maxOutputTokens: 2000, reasoningEffort: low } }
  - { id: claude-test, model: claude-test, provider: anthropic, params: { maxOutputTokens: 2000, temperature: 0.5 } }
  - { id: local-test, model: local-test, provider: openai-compatible, baseURL: "${apiUrl}/v1" }
judging: { blind: true, swap: true, seed: 3 }
${extra}`,
  });
}

/** The environment a run gets: keys, and the SDKs' own base URL variables pointed at the double. */
export const runEnv = (apiUrl: string) => ({
  OPENAI_API_KEY: 'sk-test-openai-SECRET-123',
  ANTHROPIC_API_KEY: 'sk-ant-test-SECRET-456',
  OPENAI_BASE_URL: `${apiUrl}/v1`,
  ANTHROPIC_BASE_URL: apiUrl,
});

export const experimentDir = (content: string, slug: string) =>
  path.join(content, 'experiments', slug);
