#!/usr/bin/env node
/**
 * A minimal reference receiver for proof-of-consent records: POST a record as JSON, it is checked
 * and appended as one line to a JSON Lines file. A record whose id is already in the file is
 * acknowledged and not written again (the widget re-sends a record whose answer it did not see).
 *
 *   node demo/consent-log-receiver.mjs [--port 8787] [--file consent-log.jsonl]
 *
 * `npm start` mounts it at POST /consent beside the demo.
 */
import { createServer } from 'node:http';
import { appendFile, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const MAX_BODY = 16 * 1024;
const DECISIONS = ['accept', 'reject', 'custom', 'withdraw'];

/** Returns the reason a body is not a well-formed proof record, or null when it is. */
export function checkRecord(record) {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'expected a JSON object';
  const keys = ['id', 'timestamp', 'revision', 'configHash', 'decision', 'method', 'categories', 'services', 'gpc', 'language'];
  const extra = Object.keys(record).filter((key) => !keys.includes(key));
  if (extra.length) return `unexpected fields: ${extra.join(', ')}`;
  if (!/^[0-9a-f-]{36}$/i.test(record.id ?? '')) return 'id: expected a UUID';
  if (Number.isNaN(Date.parse(record.timestamp))) return 'timestamp: expected an ISO date';
  if (!Number.isInteger(record.revision)) return 'revision: expected a whole number';
  if (typeof record.configHash !== 'string' || !/^(sha256|fnv1a):[0-9a-f]+$/.test(record.configHash)) return 'configHash: expected "sha256:<hex>"';
  if (!DECISIONS.includes(record.decision)) return `decision: expected one of ${DECISIONS.join(', ')}`;
  if (typeof record.method !== 'string') return 'method: expected a string';
  for (const map of ['categories', 'services']) {
    const value = record[map];
    if (typeof value !== 'object' || value === null || Object.values(value).some((choice) => typeof choice !== 'boolean')) return `${map}: expected id → true/false`;
  }
  if (typeof record.gpc !== 'boolean') return 'gpc: expected true or false';
  if (typeof record.language !== 'string') return 'language: expected a language tag';
  return null;
}

/**
 * A request handler for `POST <path>`: returns true when it answered the request.
 * `onRecord` (optional) sees every record written, for tests and dashboards.
 */
export function createConsentLogHandler({ file, path = '/consent', onRecord } = {}) {
  let known;
  const knownIds = async () => {
    if (known) return known;
    known = new Set();
    if (!file) return known;
    try {
      for (const line of (await readFile(file, 'utf8')).split('\n')) if (line) known.add(JSON.parse(line).id);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    return known;
  };

  return async function handleConsentLog(request, response) {
    if (new URL(request.url, 'http://localhost').pathname !== path) return false;
    if (request.method !== 'POST') {
      response.writeHead(405, { allow: 'POST' }).end();
      return true;
    }
    let body = '';
    for await (const chunk of request) {
      body += chunk;
      if (body.length > MAX_BODY) {
        response.writeHead(413).end();
        return true;
      }
    }
    let record;
    try {
      record = JSON.parse(body);
    } catch {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('not JSON');
      return true;
    }
    const problem = checkRecord(record);
    if (problem) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(problem);
      return true;
    }
    const ids = await knownIds();
    if (!ids.has(record.id)) {
      ids.add(record.id);
      if (file) await appendFile(file, `${JSON.stringify({ ...record, receivedAt: new Date().toISOString() })}\n`);
      onRecord?.(record);
    }
    response.writeHead(204).end();
    return true;
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name, fallback) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : fallback;
  };
  const file = option('file', 'consent-log.jsonl');
  const handle = createConsentLogHandler({ file });
  const port = Number(option('port', 8787));
  createServer(async (request, response) => {
    if (!(await handle(request, response))) response.writeHead(404).end();
  }).listen(port, '127.0.0.1', () => console.log(`Consent log: POST http://localhost:${port}/consent → ${file}`));
}
