import { DynamoDbLedgerReader } from '../../adapters/dynamodb/dynamodb-ledger-reader.js';
import { documents } from './aws-clients.js';
import { once } from './composition.js';
import { ledgerConfigSchema, loadConfig } from './config.js';

/** The ledger's subject index, read by the subject report (queries only). */
export const subjectAccessIndex = once(() => {
  const config = loadConfig(ledgerConfigSchema);
  return Promise.resolve(new DynamoDbLedgerReader(documents, config.LEDGER_TABLE_NAME));
});
