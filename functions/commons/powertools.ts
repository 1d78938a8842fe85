import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { redactPersonalData } from './log-redaction.js';

/**
 * One set of Powertools instances per container; service name and namespace come from the environment.
 * Log lines pass through `redactPersonalData`: personal data and keys are masked if a log call is ever
 * handed them (log calls name request ids and kinds of failure, never people).
 */
export const logger = new Logger({ serviceName: 'lienthong', jsonReplacerFn: redactPersonalData });
// Its own warnings (e.g. an invocation without metrics) go through the logger, at its log level.
export const metrics = new Metrics({ namespace: 'Lienthong', serviceName: 'lienthong', logger });
export const tracer = new Tracer({ serviceName: 'lienthong' });
