/** The service's requests and answers, whichever server they come from and go to. */

/** A request as the service reads it, whichever server it came from. */
export interface ServiceRequest {
  method: string;
  url: URL;
  header(name: string): string | null;
  /** The body as text, or null once it is over `limit` bytes (the rest is not read). */
  body(limit: number): Promise<string | null>;
  clientAddress: string | null;
}

/** An answer: a whole body, or lines streamed one after another (the export). */
export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  body: string | AsyncIterable<string>;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): ServiceResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});
export const problem = (status: number, error: string, field?: string, headers?: Record<string, string>) => json(status, field ? { error, field } : { error }, headers);

/** What a failure inside the service says: the record was not stored, and the page will send it again. */
export const failure = (error: unknown): ServiceResponse => {
  console.error(`cookie-consent/records: ${(error as Error).message}`);
  return problem(503, 'the record could not be stored; send it again');
};
