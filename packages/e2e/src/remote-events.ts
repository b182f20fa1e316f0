/**
 * What can happen to a running remote while hosts serve it: it restarts (a
 * redeploy), stops for a while, or is replaced on its port by a server that
 * answers 500, hangs, or serves a corrupt entry; then the real one comes back.
 * Shared by the serial suite (which asserts) and the redeploy benchmark (which prints).
 */
import { startBadRemote, type Misbehaviour } from './bad-remote';
import type { Fleet } from './fleet';

export type RemoteEvent = 'restart' | 'stop' | Misbehaviour;

export const REMOTE_EVENTS: RemoteEvent[] = ['restart', 'stop', 'error-500', 'hang', 'corrupt-entry'];

export const describeEvent: Record<RemoteEvent, string> = {
  restart: 'restarts',
  stop: 'stops for a while',
  'error-500': 'answers 500 for a while',
  hang: 'hangs for a while',
  'corrupt-entry': 'serves a corrupt remoteEntry.js for a while',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Plays one event on `name`, and ends with the real app answering again. Returns how many requests
 * the misbehaving stand-in received (null for a restart or a stop, which have none).
 */
export async function playRemoteEvent(fleet: Fleet, name: string, event: RemoteEvent, outageMs: number): Promise<number | null> {
  if (event === 'restart') {
    await fleet.restart(name);
    return null;
  }
  await fleet.stop(name);
  const bad = event === 'stop' ? null : await startBadRemote(event, fleet.port(name));
  await sleep(outageMs);
  await bad?.stop();
  await fleet.restart(name);
  return bad ? bad.requests() : null;
}
