import { Logger } from '@aws-lambda-powertools/logger';
import type { Config } from '#shared/config.ts';

/** Structured JSON logs for one function, at the configured level. */
export const createLogger = (serviceName: string, config: Pick<Config, 'logLevel'>) => new Logger({ serviceName, logLevel: config.logLevel });
