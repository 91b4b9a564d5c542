import { createHash, timingSafeEqual } from 'node:crypto';
import { problem, type ServiceRequest, type ServiceResponse } from './service-messages.js';

/** The check of the read token that lookup, export and counts need: null when the request may read, else the refusal. */
export function readTokenCheck(token: string | undefined) {
  const tokenDigest = token ? createHash('sha256').update(token).digest() : null;
  return (request: ServiceRequest): ServiceResponse | null => {
    if (!tokenDigest) return problem(403, 'reading records is off: start the service with a read token (CONSENT_RECORDS_TOKEN)');
    const given = /^Bearer (.+)$/.exec(request.header('authorization') ?? '')?.[1];
    // Digests of equal length, compared in constant time: the answer tells nothing of the token.
    if (!given || !timingSafeEqual(createHash('sha256').update(given).digest(), tokenDigest)) {
      return problem(401, 'a valid read token is needed (Authorization: Bearer <token>)', undefined, { 'www-authenticate': 'Bearer' });
    }
    return null;
  };
}
