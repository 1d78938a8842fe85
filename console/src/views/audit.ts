import type { z } from 'zod';
import { subjectReportRequestSchema, type subjectAccessSchema } from '../../../schemas/audit.js';
import { callApi } from '../api.js';
import { h, textField } from '../dom.js';
import { formatNumber, formatTime, t, tCode } from '../i18n.js';
import { FormCall } from '../form-call.js';
import { errorsByField } from '../problems.js';
import type { Refresh, View } from './view.js';

type SubjectAccess = z.infer<typeof subjectAccessSchema>;

/** `datetime-local` gives a wall-clock time; officers mean Vietnam's (UTC+7). */
function vietnamTime(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  return /T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value;
}

/** Access report: who accessed a citizen's data, when and why (`audit:subject-report`). */
export function auditView(refresh: Refresh): View {
  const form = { personalId: '', from: '', to: '' };
  const call = new FormCall(refresh);
  let accesses: SubjectAccess[] | undefined;
  let nextCursor: string | undefined;

  async function load(cursor?: string): Promise<void> {
    const from = vietnamTime(form.from);
    const to = vietnamTime(form.to);
    const request = {
      personalId: form.personalId.trim(),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(cursor ? { cursor } : {}),
    };
    await call.submit(
      { schema: subjectReportRequestSchema, input: request },
      () =>
        callApi<{ accesses: SubjectAccess[]; nextCursor?: string }>('/v1/audit/subject-report', {
          method: 'POST',
          json: request,
          personalData: true,
        }),
      (body) => {
        accesses = cursor ? [...(accesses ?? []), ...body.accesses] : body.accesses;
        nextCursor = body.nextCursor;
      },
    );
  }

  return {
    route: 'audit',
    render: () => {
      const byField = errorsByField(call.errors);
      return h(
        'section',
        { 'aria-labelledby': 'audit-title' },
        h('h1', { id: 'audit-title' }, t('audit.title')),
        h('p', { class: 'lede' }, t('audit.lede')),
        h(
          'form',
          {
            class: 'grid',
            novalidate: true,
            onSubmit: (event: Event) => {
              event.preventDefault();
              accesses = undefined;
              void load();
            },
          },
          textField({
            id: 'audit-personalId',
            label: t('field.personalId'),
            value: form.personalId,
            error: byField['personalId'],
            required: true,
            onInput: (value) => (form.personalId = value),
          }),
          textField({
            id: 'audit-from',
            label: t('field.from'),
            type: 'datetime-local',
            value: form.from,
            error: byField['from'],
            onInput: (value) => (form.from = value),
          }),
          textField({
            id: 'audit-to',
            label: t('field.to'),
            type: 'datetime-local',
            value: form.to,
            error: byField['to'],
            onInput: (value) => (form.to = value),
          }),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'submit', id: 'audit-submit', disabled: call.busy }, t('common.search')),
          ),
        ),
        call.problemBox(),
        accesses ? report(accesses) : null,
        accesses && nextCursor
          ? h(
              'div',
              { class: 'actions' },
              h(
                'button',
                { type: 'button', class: 'secondary', onClick: () => void load(nextCursor) },
                t('audit.more'),
              ),
            )
          : null,
      );
    },
  };
}

function report(accesses: SubjectAccess[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'audit-caption' },
    h(
      'table',
      { id: 'audit-report' },
      h('caption', { id: 'audit-caption' }, t('audit.count', { count: formatNumber(accesses.length) })),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          (['when', 'officer', 'client', 'purpose', 'operation', 'outcome', 'fields'] as const).map(
            (column) => h('th', { scope: 'col' }, t(`audit.col.${column}`)),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        accesses.map((access) =>
          h(
            'tr',
            { 'data-request-id': access.requestId },
            h('td', {}, formatTime(access.recordedAt)),
            h('td', {}, access.officerId),
            h('td', {}, access.clientId),
            h('td', {}, access.purpose, access.dossierId ? ` · ${access.dossierId}` : ''),
            h('td', {}, tCode('operation', access.operation)),
            h(
              'td',
              {},
              h(
                'span',
                { class: `badge ${access.outcome === 'allowed' ? 'ok' : 'bad'}` },
                tCode('access', access.outcome),
              ),
            ),
            h('td', {}, access.fieldsDisclosed.join(', ') || t('common.none')),
          ),
        ),
      ),
    ),
  );
}
