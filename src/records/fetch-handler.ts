import { createRoutes, type RecordsServiceOptions } from './records-routes.js';
import { failure, type ServiceRequest, type ServiceResponse } from './service-messages.js';

/**
 * The service as a Fetch-style handler (Deno, Bun, workers, Hono): a Response, or null when the
 * path is none of its own. `clientAddress` is the caller's to give, where the platform knows it.
 */
export function createFetchHandler(options: RecordsServiceOptions) {
  const route = createRoutes(options);
  return async function handleRecordsFetch(request: Request, context: { clientAddress?: string } = {}): Promise<Response | null> {
    const serviceRequest: ServiceRequest = {
      method: request.method,
      url: new URL(request.url),
      header: (name) => request.headers.get(name),
      clientAddress: context.clientAddress ?? null,
      async body(limit) {
        if (!request.body) return '';
        const reader = request.body.getReader();
        const chunks: Uint8Array[] = [];
        let size = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.length;
          if (size > limit) {
            void reader.cancel();
            return null;
          }
          chunks.push(value);
        }
        return Buffer.concat(chunks).toString('utf8');
      },
    };
    let answer: ServiceResponse | null;
    try {
      answer = await route(serviceRequest);
    } catch (error) {
      answer = failure(error);
    }
    if (!answer) return null;
    const { body } = answer;
    if (typeof body === 'string') return new Response(answer.status === 204 ? null : body, { status: answer.status, headers: answer.headers });
    const encoder = new TextEncoder();
    const iterator = body[Symbol.asyncIterator]();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return new Response(stream, { status: answer.status, headers: answer.headers });
  };
}
