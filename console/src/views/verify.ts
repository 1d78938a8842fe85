import {
  citizenVerificationRequestSchema,
  type CitizenVerificationResponse,
} from '../../../schemas/citizen-verification.js';
import { callApi } from '../api.js';
import { h, textField } from '../dom.js';
import { formatTime, t, tCode } from '../i18n.js';
import { FormCall } from '../form-call.js';
import { errorsByField } from '../problems.js';
import type { Refresh, View } from './view.js';

/** Citizen verification: the answer's grades, each explained in the officer's language. */
export function verifyView(refresh: Refresh): View {
  const form = { personalId: '', fullName: '', dateOfBirth: '' };
  const call = new FormCall(refresh);
  let answer: CitizenVerificationResponse | undefined;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    answer = undefined;
    await call.submit(
      { schema: citizenVerificationRequestSchema, input: form },
      () =>
        callApi<CitizenVerificationResponse>('/v1/citizens/verify', {
          method: 'POST',
          json: form,
          personalData: true,
        }),
      (body) => (answer = body),
    );
  }

  return {
    route: 'verify',
    render: () => {
      const byField = errorsByField(call.errors);
      return h(
        'section',
        { 'aria-labelledby': 'verify-title' },
        h('h1', { id: 'verify-title' }, t('verify.title')),
        h('p', { class: 'lede' }, t('verify.lede')),
        h(
          'form',
          { class: 'grid', novalidate: true, onSubmit: (event: Event) => void submit(event) },
          textField({
            id: 'personalId',
            label: t('field.personalId'),
            value: form.personalId,
            error: byField['personalId'],
            required: true,
            onInput: (value) => (form.personalId = value),
          }),
          textField({
            id: 'fullName',
            label: t('field.fullName'),
            value: form.fullName,
            error: byField['fullName'],
            required: true,
            onInput: (value) => (form.fullName = value),
          }),
          textField({
            id: 'dateOfBirth',
            label: t('field.dateOfBirth'),
            hint: t('field.dateOfBirthHint'),
            value: form.dateOfBirth,
            error: byField['dateOfBirth'],
            required: true,
            onInput: (value) => (form.dateOfBirth = value),
          }),
          h(
            'div',
            { class: 'actions' },
            h(
              'button',
              { type: 'submit', id: 'verify-submit', disabled: call.busy },
              call.busy ? t('common.working') : t('common.search'),
            ),
          ),
        ),
        call.problemBox(),
        answer ? verdict(answer) : null,
      );
    },
  };
}

function verdict(answer: CitizenVerificationResponse): HTMLElement {
  const { fullName, dateOfBirth } = answer.fields;
  const nameTone =
    fullName === 'exact' || fullName === 'normalized' ? 'ok' : fullName === 'different' ? 'bad' : 'warn';
  const dobTone = dateOfBirth === 'match' ? 'ok' : dateOfBirth === 'different' ? 'bad' : 'warn';
  return h(
    'div',
    {
      class: 'panel',
      id: 'verify-result',
      role: 'status',
      'data-match': String(answer.match),
      'data-request-id': answer.requestId,
    },
    h(
      'p',
      { class: `verdict ${answer.match ? 'ok' : 'bad'}` },
      answer.match ? `✔ ${t('verify.match')}` : `✘ ${t('verify.noMatch')}`,
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, t('verify.fullName')),
      h(
        'dd',
        { id: 'verify-grade-name', 'data-grade': fullName },
        h('span', { class: `badge ${nameTone}` }, tCode('grade', fullName)),
        ' ',
        tCode('grade', `${fullName}.explain`),
      ),
      h('dt', {}, t('verify.dateOfBirth')),
      h(
        'dd',
        { id: 'verify-grade-dob', 'data-grade': dateOfBirth },
        h('span', { class: `badge ${dobTone}` }, tCode('dob', dateOfBirth)),
        ' ',
        tCode('dob', `${dateOfBirth}.explain`),
      ),
    ),
    h('p', { class: 'muted' }, `${formatTime(answer.checkedAt)} · ${answer.requestId}`),
  );
}
