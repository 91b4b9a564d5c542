/**
 * `cookie-consent/records`: the consent-record service. Records as the widget's `consentLog` sends
 * them, in PostgreSQL: embedded (PGlite, a data folder) by default, a server when given a URL.
 */
export { RecordStore, type RecordStoreOptions, type StoredRecord, type ConsentHistory, type DailyCount, type ClientInfo } from './record-store.js';
export { createRecordsHandler } from './node-handler.js';
export { createFetchHandler } from './fetch-handler.js';
export type { RecordsServiceOptions } from './records-routes.js';
export { checkProof, type ProofRecord, type ProofProblem } from './proof-schema.js';
export { truncateAddress } from './client-address.js';
export { configHash } from '../core/config-hash.js';
export type { ShownTexts } from '../core/shown-texts.js';
