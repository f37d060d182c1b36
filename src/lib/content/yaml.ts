// YAML from outside (manifests, mapping files, price tables, front matter): capped in size before it
// is parsed, and parsed in time linear in its length. The yaml package checks that map keys are
// unique in time quadratic in their number (40,000 keys took 5.5 s), so keys are checked here instead.
import YAML from 'yaml';
import { UserError } from './errors.ts';

/** The largest manifest or mapping file read: far above any real one (a 26-model run's is ~200 KB). */
export const MAX_YAML_BYTES = 1_000_000;

/** The text's data; throws an Error saying what is wrong (a syntax error, a key given twice). */
export function parseYamlText(text: string): unknown {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { uniqueKeys: false, lineCounter });
  if (doc.errors.length) throw doc.errors[0];
  const bad = badKey(doc);
  if (bad) {
    const { line, col } = lineCounter.linePos(bad.key.range?.[0] ?? 0);
    throw new Error(`${bad.why} (line ${line}, column ${col})`);
  }
  return doc.toJS({ maxAliasCount: 100 });
}

/**
 * The first key that repeats a key of the same map, or is "__proto__" (which JavaScript objects drop
 * without a word, so such a key would vanish instead of being checked), if any.
 */
function badKey(doc: YAML.Document): { key: YAML.Node; why: string } | null {
  let found: { key: YAML.Node; why: string } | null = null;
  YAML.visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const value = YAML.isScalar(key) ? key.value : key;
        const why =
          value === '__proto__'
            ? 'the key "__proto__" is not allowed'
            : seen.has(value)
              ? `Map keys must be unique: "${String(value)}" appears twice`
              : null;
        if (why && YAML.isNode(key)) {
          found = { key, why };
          return YAML.visit.BREAK;
        }
        seen.add(value);
      }
    },
  });
  return found;
}

/** A YAML file a person writes: too large, a syntax error or a repeated key names the file. */
export function parseYaml(text: string, file: string, maxBytes = MAX_YAML_BYTES): unknown {
  const bytes = Buffer.byteLength(text);
  if (bytes > maxBytes)
    throw new UserError(
      `${file} is ${bytes.toLocaleString('en')} bytes; a file like it is at most ${maxBytes.toLocaleString('en')} bytes, so it is not read`,
    );
  try {
    return parseYamlText(text);
  } catch (err) {
    throw new UserError(`${file} is not valid YAML: ${(err as Error).message}`);
  }
}
