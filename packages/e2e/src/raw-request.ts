/**
 * GET with the request target exactly as given. `fetch` parses the URL first
 * (resolves dot segments, turns `\` into `/`, re-encodes), so it cannot send
 * the hostile spellings a path guard has to withstand; `http.request` sends
 * `path` verbatim.
 */
import http from 'node:http';

export interface RawResponse {
  status: number;
  body: string;
}

export function rawGet(port: number, target: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: target, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.setTimeout(15_000, () => request.destroy(new Error(`GET ${target} timed out`)));
    request.on('error', reject);
    request.end();
  });
}
