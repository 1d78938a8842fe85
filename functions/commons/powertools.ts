import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** One set of Powertools instances per container; service name and namespace come from the environment. */
export const logger = new Logger({ serviceName: 'lienthong' });
export const metrics = new Metrics({ namespace: 'Lienthong', serviceName: 'lienthong' });
export const tracer = new Tracer({ serviceName: 'lienthong' });
