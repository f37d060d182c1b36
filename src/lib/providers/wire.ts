// What a server answers, checked before and after the SDK reads it: an HTML page (a proxy's, or a
// wrong baseURL's) or JSON of another shape made the SDKs fail with "Cannot read properties of
// undefined (reading 'map')"; these say what came back instead.

import { MAX_RETRIES, type ClientOptions } from './types.ts';

/** What every SDK client is made with: the key, the server, the retries, the timeout and apiFetch. */
export const sdkOptions = ({ apiKey, baseURL, timeoutMs }: ClientOptions) => ({
  apiKey,
  baseURL,
  maxRetries: MAX_RETRIES,
  timeout: timeoutMs,
  fetch: apiFetch,
});

/** Set on the error answer made for a successful answer that is not JSON. */
export const NOT_JSON_HEADER = 'x-crossjudge-not-json';

/**
 * fetch for the SDK clients: a successful answer that is not JSON becomes an error answer (502, not
 * retried: asking again gets the same page) whose message says what the server sent.
 */
export const apiFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || /json|event-stream/i.test(type)) return response;
  const start = (await response.text()).slice(0, 200).replace(/\s+/g, ' ');
  const message = `the server answered ${response.status} with ${type || 'no content type'}, not the API's JSON (is the address right?); it begins: ${JSON.stringify(start)}`;
  return new Response(JSON.stringify({ message, error: { message } }), {
    status: 502,
    headers: {
      'content-type': 'application/json',
      'x-should-retry': 'false',
      [NOT_JSON_HEADER]: '1',
    },
  });
};

/** For a parse's catch: an SDK that cannot read the answer's JSON says so, naming the API. */
export const notAnAnswerOf = (api: string) => (err: unknown) => {
  if (err instanceof TypeError)
    throw new Error(`the server's JSON is not an answer of the ${api} (${err.message})`);
  throw err;
};
