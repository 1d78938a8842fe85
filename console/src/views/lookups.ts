import type { z } from 'zod';
import type { businessRecordSchema } from '../../../schemas/business-records.js';
import { enterpriseCodeSchema } from '../../../schemas/identifiers/tax-code.js';
import { parcelKeySchema } from '../../../schemas/land.js';
import { callApi } from '../api.js';
import { h, textField, type Child } from '../dom.js';
import { formatNumber, t } from '../i18n.js';
import { FormCall } from '../form-call.js';
import { errorsByField } from '../problems.js';
import type { Refresh, View } from './view.js';

type Business = z.infer<typeof businessRecordSchema>;

function facts(entries: [string, Child | Child[]][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    entries.flatMap(([term, value]) => [
      h('dt', {}, term),
      h('dd', {}, ...(Array.isArray(value) ? value : [value])),
    ]),
  );
}

/** Business lookup: public registry data, no purpose envelope needed. */
export function businessView(refresh: Refresh): View {
  const form = { enterpriseCode: '' };
  const call = new FormCall(refresh);
  let business: Business | undefined;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    business = undefined;
    await call.submit(
      { schema: enterpriseCodeSchema, input: form.enterpriseCode, field: 'enterpriseCode' },
      () =>
        callApi<{ business: Business }>(`/v1/businesses/${encodeURIComponent(form.enterpriseCode.trim())}`),
      (body) => (business = body.business),
    );
  }

  return {
    route: 'business',
    render: () =>
      h(
        'section',
        { 'aria-labelledby': 'business-title' },
        h('h1', { id: 'business-title' }, t('business.title')),
        h('p', { class: 'lede' }, t('business.lede')),
        h(
          'form',
          { class: 'grid', novalidate: true, onSubmit: (event: Event) => void submit(event) },
          textField({
            id: 'enterpriseCode',
            label: t('field.enterpriseCode'),
            hint: t('field.enterpriseCodeHint'),
            value: form.enterpriseCode,
            error: errorsByField(call.errors)['enterpriseCode'],
            required: true,
            onInput: (value) => (form.enterpriseCode = value),
          }),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'submit', disabled: call.busy }, t('common.search')),
          ),
        ),
        call.problemBox(),
        business
          ? h(
              'div',
              { class: 'panel', id: 'business-result' },
              h('h2', {}, business.names.vietnamese),
              facts([
                [t('field.enterpriseCode'), business.enterpriseCode],
                [t('business.status'), business.status.registryText],
                [t('business.legalForm'), business.legalForm.registryText],
                [t('business.foundedOn'), business.foundedOn ?? ''],
                [t('business.headOffice'), business.headOffice.fullAddress ?? ''],
                [
                  t('business.representatives'),
                  business.representatives
                    .map((person) => `${person.fullName} (${person.role})`)
                    .join('; ') || t('common.none'),
                ],
                [
                  t('business.lines'),
                  business.businessLines
                    .filter((line) => line.main)
                    .map((line) => `${line.vsicCode} ${line.name}`)
                    .join('; ') || t('common.none'),
                ],
              ]),
            )
          : null,
      ),
  };
}

interface LandCommune {
  code: string;
  name: string;
  era: string;
}
interface LandParcelAnswer {
  parcels: {
    parcel: {
      commune: { former: LandCommune; current: LandCommune };
      mapSheet: number;
      parcelNumber: number;
      areaM2: number;
      landUse: { code: string; meaning: string };
    };
    certificates: { serial: string; owners: { fullName: string }[] }[];
  }[];
}

/** Land parcel lookup: the answer names owners, so it carries the purpose envelope (ledgered). */
export function landView(refresh: Refresh): View {
  const form = { communeCode: '', mapSheet: '', parcelNumber: '' };
  const call = new FormCall(refresh);
  let answer: LandParcelAnswer | undefined;

  async function submit(event: Event): Promise<void> {
    event.preventDefault();
    answer = undefined;
    const path = [form.communeCode, form.mapSheet, form.parcelNumber].map((part) =>
      encodeURIComponent(part.trim()),
    );
    await call.submit(
      { schema: parcelKeySchema, input: form },
      () => callApi<LandParcelAnswer>(`/v1/land/parcels/${path.join('/')}`, { personalData: true }),
      (body) => (answer = body),
    );
  }

  return {
    route: 'land',
    render: () => {
      const byField = errorsByField(call.errors);
      const field = (id: keyof typeof form, label: string) =>
        textField({
          id,
          label,
          value: form[id],
          error: byField[id],
          required: true,
          onInput: (value) => (form[id] = value),
        });
      return h(
        'section',
        { 'aria-labelledby': 'land-title' },
        h('h1', { id: 'land-title' }, t('land.title')),
        h('p', { class: 'lede' }, t('land.lede')),
        h(
          'form',
          { class: 'grid', novalidate: true, onSubmit: (event: Event) => void submit(event) },
          field('communeCode', t('field.communeCode')),
          field('mapSheet', t('field.mapSheet')),
          field('parcelNumber', t('field.parcelNumber')),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'submit', disabled: call.busy }, t('common.search')),
          ),
        ),
        call.problemBox(),
        answer
          ? h(
              'div',
              { id: 'land-result' },
              answer.parcels.map(({ parcel, certificates }) =>
                h(
                  'div',
                  { class: 'panel' },
                  h('h2', {}, t('land.parcel', { parcel: parcel.parcelNumber, sheet: parcel.mapSheet })),
                  facts([
                    [
                      t('land.commune'),
                      `${parcel.commune.current.name} (${parcel.commune.current.code}, ${parcel.commune.current.era}) ← ${parcel.commune.former.name} (${parcel.commune.former.code}, ${parcel.commune.former.era})`,
                    ],
                    [t('land.area'), `${formatNumber(parcel.areaM2)} m²`],
                    [t('land.use'), `${parcel.landUse.code} — ${parcel.landUse.meaning}`],
                    [
                      t('land.certificates'),
                      certificates.map((c) => c.serial).join('; ') || t('common.none'),
                    ],
                    [
                      t('land.owners'),
                      certificates.flatMap((c) => c.owners.map((owner) => owner.fullName)).join('; ') ||
                        t('common.none'),
                    ],
                  ]),
                ),
              ),
            )
          : null,
      );
    },
  };
}
