import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { createConsentLogHandler } from './demo/consent-log-receiver.mjs';
import { requestLogMiddleware } from './test/page/blocker/request-log-plugin.mjs';
import { emulateMediaPlugin } from './test/emulate-media-plugin.mjs';

/**
 * The reference consent-log receiver, mounted at POST /consent for the tests, with two test-only
 * controls: GET /__consent-log lists what it received (DELETE clears it), and
 * POST /__consent-log/fail?count=N makes the next N deliveries fail with 503.
 */
const received = [];
let failures = 0;
const handleConsentLog = createConsentLogHandler({ onRecord: (record) => received.push(record) });
async function consentLogMiddleware(context, next) {
  if (context.path === '/__consent-log') {
    if (context.method === 'DELETE') received.length = failures = 0;
    context.body = received;
    return;
  }
  if (context.path === '/__consent-log/fail') {
    failures = Number(context.query.count ?? 1);
    context.body = { failures };
    return;
  }
  if (context.path === '/consent' && failures > 0) {
    failures--;
    context.status = 503;
    return;
  }
  if (context.path === '/consent') {
    context.respond = false;
    await handleConsentLog(context.req, context.res);
    return;
  }
  return next();
}

/** Every test runs in real headless Chromium: Debian's package, or CHROME_PATH. */
export default {
  files: ['test/**/*.test.ts'],
  // Lit's production build, as sites get it: its development build warns "Lit is in dev mode" in every file.
  nodeResolve: { exportConditions: ['production'] },
  middleware: [consentLogMiddleware, requestLogMiddleware],
  plugins: [
    emulateMediaPlugin(),
    esbuildPlugin({ ts: true, target: 'es2021', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  // One test file at a time: every file shares the browser's cookie jar for localhost.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
};
