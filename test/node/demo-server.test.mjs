/**
 * `npm start`: the demo server prints one URL, the one that serves, and ending the process the
 * developer started (npm's) leaves nothing listening. Run through npm itself, as a developer
 * would, with `--no-build` since `npm test` has just built.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A port with a listener on it, as when another server already uses the demo's port. */
async function busyPort() {
  const server = createServer((_, response) => response.end('someone else'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: server.address().port };
}

/** True when a connection to the port is refused. */
const refused = (port) =>
  new Promise((resolve) => {
    const probe = request({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
      response.resume();
      resolve(false);
    });
    probe.once('error', (error) => resolve(error.code === 'ECONNREFUSED'));
    probe.end();
  });

describe('npm start', () => {
  it('prints only the URL it serves when the preferred port is busy, and leaves nothing listening when ended', { timeout: 30_000 }, async () => {
    const busy = await busyPort();
    // A process group of its own, so that whatever happens the test can end all of it afterwards.
    const npm = spawn('npm', ['start', '--', '--no-build'], { cwd: root, env: { ...process.env, PORT: String(busy.port) }, detached: true });
    let output = '';
    npm.stdout.on('data', (chunk) => (output += chunk));
    npm.stderr.on('data', (chunk) => (output += chunk));
    const exited = once(npm, 'exit');
    try {
      await new Promise((resolve, reject) => {
        npm.stdout.on('data', () => /Demo: \S+\n/.test(output) && resolve());
        exited.then(() => reject(new Error(`npm start exited before serving:\n${output}`)));
      });
      const urls = output.match(/https?:\/\/\S+/g);
      assert.equal(urls.length, 1, output);
      const url = new URL(urls[0]);
      assert.notEqual(Number(url.port), busy.port, 'not the busy port');
      const response = await fetch(url);
      assert.equal(response.status, 200);
      assert.match(await response.text(), /<title>cookie-consent demo/);

      npm.kill('SIGTERM');
      await exited;
      // The server notices within a quarter of a second that npm is gone; allow it two seconds.
      const deadline = Date.now() + 2_000;
      while (!(await refused(url.port)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.ok(await refused(url.port), `port ${url.port} still answers after npm start was ended`);
    } finally {
      try {
        process.kill(-npm.pid, 'SIGKILL');
      } catch {
        // Every process of the group has ended, as it should.
      }
      busy.server.close();
    }
  });
});
