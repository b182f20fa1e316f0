/**
 * What an app answers itself, before Next sees the request (in the proxy, or
 * in a production worker's door): the SSR guard's refusal of server code,
 * dev's remote-event stream, and
 * `/api/health` (503 until a worker serves, and while stopping, so the
 * endpoint works as a readiness probe).
 */
import type http from 'node:http';
import { REMOTE_EVENTS_PATH, SECRET_HEADER } from '../header-names';
import type { Health } from './health';
import type { RemoteEvents } from './remote-events';
import { isServerCodeRequest, mayReadServerCode } from './ssr-guard';

export interface AnswerSources {
  /** The SSR secret hosts send to read this app's server code (undefined: loopback only). */
  secret: string | undefined;
  /** Dev: the stream pages hear of remotes' new code on. */
  events: () => RemoteEvents | null;
  health: () => Health;
  /** True while a worker serves and the app is not stopping. */
  serving: () => boolean;
}

export type Answer = (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => boolean;

export function proxyAnswers(sources: AnswerSources): Answer {
  return (req, res, pathname) => {
    if (isServerCodeRequest(req.url ?? '/') && !mayReadServerCode(req.socket.remoteAddress, req.headers[SECRET_HEADER], sources.secret)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return true;
    }
    const events = sources.events();
    if (events && pathname === REMOTE_EVENTS_PATH) {
      events.accept(req, res);
      return true;
    }
    if (pathname === '/api/health') {
      res.writeHead(sources.serving() ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(sources.health()));
      return true;
    }
    return false;
  };
}
