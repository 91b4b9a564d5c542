import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { requestLogMiddleware } from './test/page/blocker/request-log-plugin.mjs';
import { emulateMediaPlugin } from './test/emulate-media-plugin.mjs';

/**
 * The consent-record service (`cookie-consent/records`, an embedded store in memory), mounted at
 * POST /consent for the tests, with two test-only controls: GET /__consent-log lists the records
 * stored, as the widget sent them (DELETE empties the store), and POST /__consent-log/fail?count=N
 * makes the next N deliveries fail with 503.
 */
let failures = 0;
/**
 * Opened from the build (`npm run build` first, as for every test of dist/) as the runner starts:
 * the embedded store takes seconds to start, more on a busy machine, longer than a test's hook may
 * wait. A failure is kept for the first request that needs the store.
 */
const service = import('./dist/records.js')
  .then(async ({ RecordStore, createRecordsHandler }) => {
    const store = await RecordStore.open();
    return { store, handle: createRecordsHandler({ store, rateLimit: 0 }) };
  })
  .catch((error) => ({ error }));
const records = async () => {
  const opened = await service;
  if (opened.error) throw opened.error;
  return opened;
};
/** Each stored record as the widget sent it: its fields, and the texts it was shown. */
async function storedProofs(store) {
  const proofs = [];
  for await (const { id, timestamp, revision, configHash, decision, method, categories, services, gpc, language, shownHash } of store.records(new Date(0), new Date(Date.now() + 86_400_000))) {
    const shown = shownHash ? (await store.history(id)).shown[shownHash] : undefined;
    proofs.push({ id, timestamp, revision, configHash, decision, method, categories, services, gpc, language, ...(shown && { shown }) });
  }
  return proofs;
}
async function consentLogMiddleware(context, next) {
  if (context.path === '/__consent-log') {
    const { store } = await records();
    if (context.method === 'DELETE') {
      failures = 0;
      await store.query('DELETE FROM consent_records');
    }
    context.body = await storedProofs(store);
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
    const { handle } = await records();
    context.respond = false;
    await handle(context.req, context.res);
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
  // The defaults (30 s to open a page, 20 s for its tests to start) are met with room to spare on a
  // quiet machine; a loaded 2-core one can take longer, and a slow start is no test failure.
  browserStartTimeout: 120000,
  testsStartTimeout: 60000,
  testFramework: { config: { timeout: 10000 } },
};
