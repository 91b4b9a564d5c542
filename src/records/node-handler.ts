import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRoutes, type RecordsServiceOptions } from './records-routes.js';
import { failure, type ServiceRequest, type ServiceResponse } from './service-messages.js';

/**
 * The service as a handler for Node's `http` (and Express, or Connect): `handler(request, response)`
 * resolves true when it answered, false when the path is none of its own; as Express middleware it
 * passes those on with `next()`. Mount it before any body parser, since it reads the body itself.
 */
export function createRecordsHandler(options: RecordsServiceOptions) {
  const route = createRoutes(options);
  return async function handleRecords(request: IncomingMessage, response: ServerResponse, next?: (error?: unknown) => void): Promise<boolean> {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const serviceRequest: ServiceRequest = {
      method: request.method ?? 'GET',
      url,
      header: (name) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(', ') : (value ?? null);
      },
      clientAddress: request.socket.remoteAddress ?? null,
      async body(limit) {
        const chunks: Buffer[] = [];
        let size = 0;
        // Past the limit the rest is read and dropped, so the client gets its 413 rather than a reset
        // connection; a body far past it is cut off.
        for await (const chunk of request as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > limit * 64) break;
          if (size <= limit) chunks.push(chunk);
        }
        return size > limit ? null : Buffer.concat(chunks).toString('utf8');
      },
    };
    let answer: ServiceResponse | null;
    try {
      answer = await route(serviceRequest);
    } catch (error) {
      answer = failure(error);
    }
    if (!answer) {
      next?.();
      return false;
    }
    response.writeHead(answer.status, answer.headers);
    if (typeof answer.body === 'string') {
      response.end(answer.body);
      return true;
    }
    try {
      for await (const chunk of answer.body) {
        // Waits for the client to read what was sent: the export holds one page in memory at most.
        if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
        if (response.destroyed) break;
      }
      response.end();
    } catch (error) {
      console.error(`cookie-consent/records: the export stopped: ${(error as Error).message}`);
      response.destroy(error as Error);
    }
    return true;
  };
}
