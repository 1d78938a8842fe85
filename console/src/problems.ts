import type { FieldError, Problem } from '../../schemas/problem.js';
import { h } from './dom.js';
import { t, tCode, type MessageKey } from './i18n.js';

/** A field error in words: the rule in the officer's language, the gateway's own message beside it. */
export function describeFieldError(error: FieldError): string {
  const rule = tCode('rule', error.rule);
  return rule === error.rule ? error.message : `${rule} — ${error.message}`;
}

const knownStatuses = [0, 400, 401, 403, 404, 409, 415, 422, 429, 502, 503, 504];

/** A problem+json answer as a human message: what happened, the gateway's detail, the wrong fields. */
export function problemBox(problem: Problem): HTMLElement {
  const heading = knownStatuses.includes(problem.status)
    ? t(`problem.${problem.status}` as MessageKey)
    : t('problem.heading');
  const detail = problem.status === 0 ? t('problem.network') : (problem.detail ?? problem.title);
  return h(
    'div',
    { class: 'alert', role: 'alert', 'data-problem-type': problem.type },
    h('h2', {}, heading),
    h(
      'p',
      {},
      problem.status === 0 ? detail : `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`,
    ),
    problem.retryAfterSeconds
      ? h('p', {}, t('problem.retryAfter', { seconds: problem.retryAfterSeconds }))
      : null,
    problem.errors && problem.errors.length > 0
      ? h(
          'ul',
          {},
          problem.errors.map((error) =>
            h('li', {}, h('strong', {}, `${error.field}: `), describeFieldError(error)),
          ),
        )
      : null,
  );
}

/** Field errors of a form by field name (a body path such as `personalId`). */
export function errorsByField(errors: readonly FieldError[] | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors ?? []) byField[error.field] ??= describeFieldError(error);
  return byField;
}
