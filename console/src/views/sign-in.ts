import { fieldErrorsOf } from '../../../functions/commons/http-request.js';
import type { FieldError } from '../../../schemas/problem.js';
import { purposeEnvelopeHeadersSchema } from '../../../schemas/purpose-envelope.js';
import { h, textField } from '../dom.js';
import { t } from '../i18n.js';
import { errorsByField } from '../problems.js';
import { signIn } from '../session.js';
import type { Refresh, View } from './view.js';

/** Sign-in: the key and the purpose envelope, checked with the gateway's own header schema. */
export function signInView(refresh: Refresh, onSignedIn: () => void): View {
  const form = { apiKey: '', officerId: '', purpose: '', dossierId: '' };
  let errors: FieldError[] = [];

  function submit(event: Event): void {
    event.preventDefault();
    const headers = {
      'x-officer-id': form.officerId.trim(),
      'x-purpose': form.purpose.trim(),
      ...(form.dossierId.trim() ? { 'x-dossier-id': form.dossierId.trim() } : {}),
    };
    const parsed = purposeEnvelopeHeadersSchema.safeParse(headers);
    errors = parsed.success ? [] : fieldErrorsOf(parsed.error, headers);
    if (form.apiKey.trim() === '')
      errors.push({ field: 'apiKey', rule: 'required', message: t('signin.keyRequired') });
    if (errors.length > 0) return refresh();
    signIn({
      apiKey: form.apiKey.trim(),
      officerId: headers['x-officer-id'],
      purpose: headers['x-purpose'],
      ...(headers['x-dossier-id'] ? { dossierId: headers['x-dossier-id'] } : {}),
    });
    form.apiKey = '';
    onSignedIn();
  }

  return {
    route: 'sign-in',
    render: () => {
      const byField = errorsByField(errors);
      return h(
        'section',
        { class: 'signin', 'aria-labelledby': 'signin-title' },
        h('h1', { id: 'signin-title' }, t('signin.title')),
        h('p', { class: 'lede' }, t('signin.lede')),
        h(
          'form',
          { novalidate: true, onSubmit: submit },
          textField({
            id: 'apiKey',
            label: t('signin.apiKey'),
            type: 'password',
            value: form.apiKey,
            error: byField['apiKey'],
            required: true,
            autocomplete: 'off',
            onInput: (value) => (form.apiKey = value),
          }),
          textField({
            id: 'officerId',
            label: t('signin.officerId'),
            hint: t('signin.officerHint'),
            value: form.officerId,
            error: byField['x-officer-id'],
            required: true,
            onInput: (value) => (form.officerId = value),
          }),
          textField({
            id: 'purpose',
            label: t('signin.purpose'),
            hint: t('signin.purposeHint'),
            value: form.purpose,
            error: byField['x-purpose'],
            required: true,
            onInput: (value) => (form.purpose = value),
          }),
          textField({
            id: 'dossierId',
            label: t('signin.dossierId'),
            value: form.dossierId,
            error: byField['x-dossier-id'],
            onInput: (value) => (form.dossierId = value),
          }),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'submit', id: 'signin-submit' }, t('signin.submit')),
          ),
        ),
      );
    },
  };
}
