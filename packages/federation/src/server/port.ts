import net from 'node:net';
import type { AppEntry } from '../registry';

/** `PORT` if set, else the registry port; refuses a bad or busy port up front. */
export async function resolvePort(raw: string | undefined, app: AppEntry): Promise<number> {
  const port = raw === undefined || raw === '' ? app.port : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`PORT="${raw}" is not a port number: set PORT to an integer from 1 to 65535, or unset it.`);
  }
  if (!(await isFree(port))) {
    throw new Error(
      `port ${port} for app "${app.name}" is already in use: stop what listens there or set PORT to a free port.`,
    );
  }
  return port;
}

export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
