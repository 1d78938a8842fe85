import type { z } from 'zod';
import type { Problem } from '../../../schemas/problem.js';
import {
  batchCsvColumns,
  type batchAcceptedSchema,
  type batchResultsPageSchema,
  type BatchStatusResponse,
  type itemResultSchema,
} from '../../../schemas/batches.js';
import { callApi } from '../api.js';
import { checkBatchCsv, type CheckedCsv } from '../batch-csv.js';
import { h } from '../dom.js';
import { formatNumber, t, tCode } from '../i18n.js';
import { describeFieldError, problemBox } from '../problems.js';
import type { Refresh, View } from './view.js';

type ItemResult = z.infer<typeof itemResultSchema>;
type ResultFilter = 'all' | 'match' | 'no_match' | 'error';

/** Rows of a checked file shown in the preview: all rows with errors, and the first ones. */
const previewRows = 200;
const resultsPerPage = 50;
const pollIntervalMs = 800;

interface BatchState {
  fileName?: string;
  text?: string;
  checked?: CheckedCsv;
  /** One key per loaded file: sending the same file twice answers the same batch. */
  idempotencyKey?: string;
  submitting: boolean;
  problem?: Problem;
  batchId?: string;
  status?: BatchStatusResponse;
  results?: ItemResult[];
  filter: ResultFilter;
  page: number;
  downloading: boolean;
}

const finishedStatuses = new Set(['completed', 'completed_with_errors', 'cancelled']);

/** Which filter a result falls under: a verification's `match: false` and not-found are "no match". */
export function resultClass(result: ItemResult): Exclude<ResultFilter, 'all'> {
  if (result.outcome === 'not_found') return 'no_match';
  if (result.outcome !== 'succeeded') return 'error';
  return result.result?.['match'] === false ? 'no_match' : 'match';
}

export function batchView(refresh: Refresh): View {
  const state: BatchState = { submitting: false, filter: 'all', page: 0, downloading: false };
  let pollTimer: number | undefined;

  async function loadFile(file: File): Promise<void> {
    const text = await file.text();
    Object.assign(state, {
      fileName: file.name,
      text,
      checked: checkBatchCsv(text),
      idempotencyKey: crypto.randomUUID(),
      problem: undefined,
    });
    refresh();
  }

  async function submit(): Promise<void> {
    if (!state.text || !state.checked || state.checked.errorCount > 0 || state.submitting) return;
    state.submitting = true;
    state.problem = undefined;
    refresh();
    const answer = await callApi<z.infer<typeof batchAcceptedSchema>>('/v1/batches', {
      method: 'POST',
      csv: state.text,
      personalData: true,
      headers: { 'idempotency-key': state.idempotencyKey ?? crypto.randomUUID() },
    });
    state.submitting = false;
    if (!answer.ok) {
      state.problem = answer.problem;
      refresh();
      return;
    }
    state.batchId = answer.body.batchId;
    state.status = undefined;
    refresh();
    void poll();
  }

  async function poll(): Promise<void> {
    const batchId = state.batchId;
    if (!batchId) return;
    const answer = await callApi<BatchStatusResponse>(`/v1/batches/${encodeURIComponent(batchId)}`);
    if (state.batchId !== batchId) return; // a new batch was started meanwhile
    if (!answer.ok) {
      state.problem = answer.problem;
      refresh();
      return;
    }
    state.status = answer.body;
    if (finishedStatuses.has(answer.body.status) && answer.body.done === answer.body.total) {
      await loadResults(batchId);
      refresh();
      return;
    }
    if (!updateProgressInPlace()) refresh();
    pollTimer = window.setTimeout(() => void poll(), pollIntervalMs);
  }

  /** Every page of results (1,000 a page), so that filters and pages work on the whole batch. */
  async function loadResults(batchId: string): Promise<void> {
    const results: ItemResult[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
      const answer = await callApi<z.infer<typeof batchResultsPageSchema>>(
        `/v1/batches/${encodeURIComponent(batchId)}/results?${query.toString()}`,
      );
      if (!answer.ok) {
        state.problem = answer.problem;
        return;
      }
      results.push(...answer.body.results);
      cursor = answer.body.nextCursor;
    } while (cursor);
    state.results = results;
    state.page = 0;
  }

  async function download(): Promise<void> {
    if (!state.batchId) return;
    state.downloading = true;
    refresh();
    const answer = await callApi<string>(`/v1/batches/${encodeURIComponent(state.batchId)}/results`, {
      accept: 'text/csv',
    });
    state.downloading = false;
    if (!answer.ok) state.problem = answer.problem;
    else {
      // A byte-order mark so that Excel reads the Vietnamese text as UTF-8.
      const blob = new Blob(['\ufeff', answer.body], { type: 'text/csv;charset=utf-8' });
      const link = h('a', { href: URL.createObjectURL(blob), download: `ket-qua-${state.batchId}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    }
    refresh();
  }

  function reset(): void {
    window.clearTimeout(pollTimer);
    Object.assign(state, {
      fileName: undefined,
      text: undefined,
      checked: undefined,
      idempotencyKey: undefined,
      problem: undefined,
      batchId: undefined,
      status: undefined,
      results: undefined,
      filter: 'all',
      page: 0,
    });
    refresh();
  }

  /** Polls move the bar without redrawing the screen (focus and screen readers stay put). */
  function updateProgressInPlace(): boolean {
    const bar = document.getElementById('batch-progress') as HTMLProgressElement | null;
    const text = document.getElementById('batch-progress-text');
    if (!bar || !text || !state.status) return false;
    bar.max = Math.max(state.status.total, 1);
    bar.value = state.status.done;
    text.textContent = progressText(state.status);
    return true;
  }

  return {
    route: 'batch',
    render: () =>
      h(
        'section',
        { 'aria-labelledby': 'batch-title' },
        h('h1', { id: 'batch-title' }, t('batch.title')),
        h('p', { class: 'lede' }, t('batch.lede', { columns: batchCsvColumns.join(', ') })),
        state.batchId ? null : uploadSection(state, loadFile, submit),
        state.problem ? problemBox(state.problem) : null,
        state.batchId ? progressSection(state, reset) : null,
        state.results ? resultsSection(state, refresh, download) : null,
      ),
  };
}

function uploadSection(
  state: BatchState,
  loadFile: (file: File) => Promise<void>,
  submit: () => Promise<void>,
): HTMLElement {
  const checked = state.checked;
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'batch-file' }, t('batch.file')),
      h('input', {
        id: 'batch-file',
        type: 'file',
        accept: '.csv,text/csv',
        'aria-describedby': 'batch-file-hint',
        onChange: (event: Event) => {
          const file = (event.target as HTMLInputElement).files?.[0];
          if (file) void loadFile(file);
        },
      }),
      h('span', { class: 'hint', id: 'batch-file-hint' }, state.fileName ?? t('batch.fileHint')),
    ),
    checked ? checkSummary(checked) : null,
    checked ? previewTable(checked) : null,
    checked
      ? h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              id: 'batch-submit',
              type: 'button',
              disabled: checked.errorCount > 0 || state.submitting,
              onClick: () => void submit(),
            },
            state.submitting ? t('batch.submitting') : t('batch.submit'),
          ),
        )
      : null,
  );
}

function checkSummary(checked: CheckedCsv): HTMLElement {
  if (checked.errorCount === 0) {
    return h(
      'p',
      { class: 'notice', id: 'batch-check', role: 'status' },
      t('batch.summaryOk', { rows: formatNumber(checked.rows.length) }),
    );
  }
  return h(
    'div',
    { class: 'alert', id: 'batch-check', role: 'alert' },
    h(
      'h2',
      {},
      t('batch.summaryErrors', {
        rows: formatNumber(checked.rows.length),
        errors: formatNumber(checked.errorCount),
        badRows: formatNumber(checked.rowErrors.size),
      }),
    ),
    checked.errorCount >= 100 ? h('p', {}, t('batch.errorsCapped')) : null,
    checked.fileErrors.length > 0
      ? h(
          'ul',
          {},
          checked.fileErrors.map((error) => h('li', {}, `${error.field}: ${describeFieldError(error)}`)),
        )
      : null,
  );
}

function previewTable(checked: CheckedCsv): HTMLElement {
  const shown = checked.rows.filter((row, index) => index < previewRows || checked.rowErrors.has(row.line));
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'batch-preview-caption' },
    h(
      'table',
      { id: 'batch-preview' },
      h(
        'caption',
        { id: 'batch-preview-caption' },
        t('batch.preview', { shown: formatNumber(shown.length), rows: formatNumber(checked.rows.length) }),
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('batch.line')),
          checked.header.map((name) => h('th', { scope: 'col' }, name)),
          h('th', { scope: 'col' }, t('batch.problems')),
        ),
      ),
      h(
        'tbody',
        {},
        shown.map((row) => {
          const errors = checked.rowErrors.get(row.line) ?? [];
          const badColumns = new Set(errors.map((error) => error.column));
          return h(
            'tr',
            { class: errors.length > 0 ? 'has-error' : undefined, 'data-line': row.line },
            h('th', { scope: 'row' }, String(row.line)),
            checked.header.map((name, index) =>
              h('td', { class: badColumns.has(name) ? 'cell-error' : undefined }, row.cells[index] ?? ''),
            ),
            h(
              'td',
              {},
              errors.length > 0
                ? h(
                    'ul',
                    { class: 'row-errors' },
                    errors.map((error) =>
                      h(
                        'li',
                        { 'data-field': error.field },
                        `${error.column || 'kind'}: ${describeFieldError(error)}`,
                      ),
                    ),
                  )
                : '',
            ),
          );
        }),
      ),
    ),
  );
}

function durationText(seconds: number): string {
  return seconds < 90
    ? t('seconds', { n: Math.max(1, Math.round(seconds)) })
    : t('minutes', { n: Math.round(seconds / 60) });
}

function progressText(status: BatchStatusResponse): string {
  const parts = [
    t('batch.progressText', {
      done: formatNumber(status.done),
      total: formatNumber(status.total),
      percent: Math.floor(status.progress * 100),
    }),
    t('batch.status', { status: tCode('status', status.status) }),
  ];
  if (status.estimatedSecondsRemaining !== undefined && status.done < status.total)
    parts.push(t('batch.eta', { eta: durationText(status.estimatedSecondsRemaining) }));
  return parts.join(' · ');
}

function progressSection(state: BatchState, reset: () => void): HTMLElement {
  const status = state.status;
  return h(
    'div',
    { class: 'panel' },
    h('h2', { id: 'batch-progress-label' }, t('batch.progress')),
    h('p', { class: 'muted' }, t('batch.id', { id: state.batchId ?? '' })),
    h('progress', {
      id: 'batch-progress',
      max: Math.max(status?.total ?? 1, 1),
      value: status?.done ?? 0,
      'aria-labelledby': 'batch-progress-label',
    }),
    h(
      'p',
      { id: 'batch-progress-text', 'aria-live': 'polite' },
      status ? progressText(status) : t('common.working'),
    ),
    status
      ? h(
          'div',
          { class: 'counts', id: 'batch-counts' },
          Object.entries(status.counts).map(([outcome, count]) =>
            h('span', {}, `${tCode('outcome', outcome)}: ${formatNumber(count)}`),
          ),
        )
      : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onClick: reset }, t('batch.newBatch')),
    ),
  );
}

function resultSummary(result: ItemResult): string {
  if (result.error) return result.error.detail;
  const body = result.result ?? {};
  if (result.kind === 'citizen-verify') {
    const fields = body['fields'] as { fullName?: string; dateOfBirth?: string } | undefined;
    return [
      body['match'] ? t('verify.match') : t('verify.noMatch'),
      fields?.fullName ? `${t('verify.fullName')}: ${tCode('grade', fields.fullName)}` : '',
      fields?.dateOfBirth ? `${t('verify.dateOfBirth')}: ${tCode('dob', fields.dateOfBirth)}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  }
  if (result.kind === 'citizen-lookup') {
    const citizen = body['citizen'] as { name?: { full?: string } } | undefined;
    return citizen?.name?.full ?? '';
  }
  if (result.kind === 'business') {
    const business = body['business'] as
      { names?: { vietnamese?: string }; status?: { registryText?: string } } | undefined;
    return [business?.names?.vietnamese, business?.status?.registryText].filter(Boolean).join(' · ');
  }
  if (result.kind === 'land-parcel') {
    const parcels = body['parcels'] as unknown[] | undefined;
    return t('batch.parcels', { count: formatNumber(parcels?.length ?? 0) });
  }
  const certificate = body['certificate'] as { serial?: string } | undefined;
  return certificate?.serial ?? '';
}

function outcomeBadge(result: ItemResult): HTMLElement {
  const kind = resultClass(result);
  const tone = kind === 'match' ? 'ok' : kind === 'no_match' ? 'warn' : 'bad';
  return h('span', { class: `badge ${tone}` }, tCode('outcome', result.outcome));
}

function resultsSection(state: BatchState, refresh: Refresh, download: () => Promise<void>): HTMLElement {
  const all = state.results ?? [];
  const counts = { all: all.length, match: 0, no_match: 0, error: 0 };
  for (const result of all) counts[resultClass(result)] += 1;
  const filtered =
    state.filter === 'all' ? all : all.filter((result) => resultClass(result) === state.filter);
  const pages = Math.max(1, Math.ceil(filtered.length / resultsPerPage));
  const page = Math.min(state.page, pages - 1);
  const shown = filtered.slice(page * resultsPerPage, (page + 1) * resultsPerPage);
  return h(
    'section',
    { 'aria-labelledby': 'batch-results-title' },
    h('h2', { id: 'batch-results-title' }, t('batch.results')),
    h(
      'div',
      { class: 'actions' },
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'results-filter' }, t('batch.filter')),
        h(
          'select',
          {
            id: 'results-filter',
            onChange: (event: Event) => {
              state.filter = (event.target as HTMLSelectElement).value as ResultFilter;
              state.page = 0;
              refresh();
            },
          },
          (['all', 'match', 'no_match', 'error'] as const).map((filter) =>
            h(
              'option',
              { value: filter, selected: state.filter === filter },
              t(`batch.filter.${filter}`, { count: formatNumber(counts[filter]) }),
            ),
          ),
        ),
      ),
      h(
        'button',
        { id: 'batch-download', type: 'button', disabled: state.downloading, onClick: () => void download() },
        t('batch.download'),
      ),
    ),
    h(
      'div',
      { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-labelledby': 'batch-results-title' },
      h(
        'table',
        { id: 'batch-results' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('batch.col.item')),
            h('th', { scope: 'col' }, t('batch.col.kind')),
            h('th', { scope: 'col' }, t('batch.col.outcome')),
            h('th', { scope: 'col' }, t('batch.col.detail')),
          ),
        ),
        h(
          'tbody',
          {},
          shown.map((result) =>
            h(
              'tr',
              { 'data-item': result.item, 'data-class': resultClass(result) },
              // The file line of the item: items count from 0, after the header row.
              h('td', {}, String(result.item + 2)),
              h('td', {}, tCode('kind', result.kind)),
              h('td', {}, outcomeBadge(result)),
              h('td', {}, resultSummary(result)),
            ),
          ),
        ),
      ),
    ),
    pages > 1
      ? h(
          'div',
          { class: 'pager' },
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              id: 'results-prev',
              disabled: page === 0,
              onClick: () => {
                state.page = page - 1;
                refresh();
              },
            },
            t('common.prev'),
          ),
          h('span', {}, t('common.page', { page: page + 1, pages })),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              id: 'results-next',
              disabled: page >= pages - 1,
              onClick: () => {
                state.page = page + 1;
                refresh();
              },
            },
            t('common.next'),
          ),
        )
      : null,
  );
}
