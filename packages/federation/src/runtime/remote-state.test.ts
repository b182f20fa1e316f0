import { describe, expect, it } from 'vitest';
import {
  failsFast,
  isDownError,
  isUnreachable,
  markAnswered,
  markFailed,
  forgetLoads,
  markLoaded,
  RemoteDownError,
  rendersReport,
  RETRY_AFTER_MS,
} from './remote-state';

describe('remote state', () => {
  it('fails fast for a while after a failed call, then lets calls through again', () => {
    markFailed('breaker', 1_000);
    expect(failsFast('breaker', 1_001)).toBe(true);
    expect(failsFast('breaker', 1_000 + RETRY_AFTER_MS)).toBe(false);
    markAnswered('breaker');
    expect(failsFast('breaker', 1_001)).toBe(false);
  });

  it('reports the remote while it loads and answers, its fallback when either fails', () => {
    markLoaded('report-a', true);
    markLoaded('report-b', false);
    markLoaded('report-c', true);
    markFailed('report-c');
    expect(rendersReport()).toMatchObject({ 'report-a': 'remote', 'report-b': 'fallback', 'report-c': 'fallback' });
    markAnswered('report-c');
    expect(rendersReport()['report-c']).toBe('remote');
  });

  it('keeps reporting a fallback when another module of the app loads after one failed, until the app is dropped', () => {
    markLoaded('partial', false); // shop's API client failed while shop compiled: cached as its fallback
    markLoaded('partial', true); // shop's pages-map loaded a moment later
    expect(rendersReport().partial).toBe('fallback');
    forgetLoads('partial');
    expect(rendersReport().partial).toBeUndefined();
    markLoaded('partial', true);
    expect(rendersReport().partial).toBe('remote');
  });

  it('tells an outage from a bug', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(isUnreachable(refused)).toBe(true);
    expect(isUnreachable(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe(true);
    expect(isUnreachable(new RemoteDownError('shop'))).toBe(true);
    expect(isUnreachable(new TypeError('Failed to fetch'))).toBe(true);
    expect(isUnreachable(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBe(false);
    expect(isUnreachable(new TypeError('fetch failed'))).toBe(false); // no socket cause: not a network failure
    markFailed('outage-app');
    expect(isDownError('outage-app', new Error('shop API answered 503'))).toBe(true);
    expect(isDownError('healthy-app', new Error('shop API answered 503'))).toBe(false);
  });
});
