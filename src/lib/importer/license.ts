// Pure logic: the licence of an imported repository, from its licence file at the root. The import
// copies the file beside experiment.yaml (as LICENSE) and records which licence it is and its
// copyright line, so that the page can credit the experiment's author under its terms.
import type { TextFile } from '../content/files.ts';
import type { License } from '../content/schema.ts';

/** A licence file's name at the root of a repository: LICENSE, LICENCE.md, COPYING.txt, ... */
const LICENSE_FILE = /^(licen[cs]e|copying)([.-][\w.-]+)?$/i;

/** Licences by a phrase of their text, most specific first. */
const KNOWN: [RegExp, string][] = [
  [/\bMIT License\b|Permission is hereby granted, free of charge/i, 'MIT'],
  [/Apache License,?\s+Version 2\.0/i, 'Apache-2.0'],
  [/GNU AFFERO GENERAL PUBLIC LICENSE\s+Version 3/i, 'AGPL-3.0'],
  [/GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3/i, 'LGPL-3.0'],
  [/GNU GENERAL PUBLIC LICENSE\s+Version 3/i, 'GPL-3.0'],
  [/GNU GENERAL PUBLIC LICENSE\s+Version 2/i, 'GPL-2.0'],
  [/Mozilla Public License,?\s+(Version\s+)?2\.0/i, 'MPL-2.0'],
  [/\bCC0\b|CC0 1\.0 Universal/i, 'CC0-1.0'],
  [/Attribution-ShareAlike 4\.0 International/i, 'CC-BY-SA-4.0'],
  [/Attribution 4\.0 International/i, 'CC-BY-4.0'],
  [/This is free and unencumbered software released into the public domain/i, 'Unlicense'],
  [/Permission to use, copy, modify, and\/or distribute this software/i, 'ISC'],
  [/Neither the name of .* nor the names of its\s+contributors/is, 'BSD-3-Clause'],
  [/Redistribution and use in source and binary forms/i, 'BSD-2-Clause'],
];

/** The licence file at the root of the imported folder, with what it says, or null when there is none. */
export function licenseOf(files: TextFile[]): (License & { text: string }) | null {
  const file = files
    .filter((f) => !f.path.includes('/') && LICENSE_FILE.test(f.path) && f.content)
    .sort((a, b) => a.path.length - b.path.length)[0];
  if (!file?.content) return null;
  const text = file.content;
  const name = KNOWN.find(([pattern]) => pattern.test(text))?.[1];
  const notice = text
    .match(/^[ \t]*(?:copyright\b|\(c\)|©).*$/im)?.[0]
    .trim()
    .slice(0, 200);
  return { file: file.path, ...(name ? { name } : {}), ...(notice ? { notice } : {}), text };
}
