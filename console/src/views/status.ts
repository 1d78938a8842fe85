import type { HealthReportBody } from '../../../schemas/health.js';
import type { Problem } from '../../../schemas/problem.js';
import { callApi } from '../api.js';
import { h } from '../dom.js';
import { formatNumber, t, tCode } from '../i18n.js';
import { problemBox } from '../problems.js';
import type { Refresh, View } from './view.js';

/** `registry:population` → "Cơ sở dữ liệu dân cư (registry:population)". */
function dependencyName(name: string): string {
  const [kind, which = ''] = name.split(':');
  const label = kind === 'registry' ? tCode('registry', which) : which;
  return label === which ? name : `${label} (${name})`;
}

/** Upstream health and circuit states (`GET /v1/health`). */
export function statusView(refresh: Refresh): View {
  let report: HealthReportBody | undefined;
  let problem: Problem | undefined;
  let busy = false;

  async function load(): Promise<void> {
    busy = true;
    refresh();
    const answer = await callApi<HealthReportBody>('/v1/health');
    busy = false;
    report = answer.ok ? answer.body : undefined;
    problem = answer.ok ? undefined : answer.problem;
    refresh();
  }

  return {
    route: 'status',
    onShow: () => void load(),
    render: () => {
      // Registries first: they are what an officer waits on.
      const dependencies = Object.entries(report?.dependencies ?? {}).sort(([a, x], [b, y]) =>
        x.kind === y.kind ? a.localeCompare(b) : x.kind === 'registry' ? -1 : 1,
      );
      return h(
        'section',
        { 'aria-labelledby': 'status-title' },
        h('h1', { id: 'status-title' }, t('health.title')),
        h('p', { class: 'lede' }, t('health.lede')),
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              id: 'status-refresh',
              disabled: busy,
              onClick: () => void load(),
            },
            t('health.refresh'),
          ),
        ),
        problem ? problemBox(problem) : null,
        report
          ? h(
              'p',
              {
                class: `verdict ${report.status === 'ok' ? 'ok' : 'bad'}`,
                id: 'status-overall',
                role: 'status',
              },
              report.status === 'ok' ? t('health.ok') : t('health.degraded'),
            )
          : null,
        report
          ? h(
              'table',
              { id: 'status-table' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  (['name', 'reachable', 'circuit', 'latency', 'recent'] as const).map((column) =>
                    h('th', { scope: 'col' }, t(`health.col.${column}`)),
                  ),
                ),
              ),
              h(
                'tbody',
                {},
                dependencies.map(([name, state]) =>
                  h(
                    'tr',
                    { 'data-dependency': name },
                    h('th', { scope: 'row' }, dependencyName(name)),
                    h(
                      'td',
                      {},
                      h(
                        'span',
                        { class: `badge ${state.reachable ? 'ok' : 'bad'}` },
                        state.reachable ? t('health.reachable') : t('health.unreachable'),
                      ),
                      state.detail ? ` ${state.detail}` : '',
                    ),
                    h(
                      'td',
                      {},
                      state.circuit
                        ? h(
                            'span',
                            {
                              class: `badge ${state.circuit === 'closed' ? 'ok' : state.circuit === 'open' ? 'bad' : 'warn'}`,
                            },
                            tCode('circuit', state.circuit),
                          )
                        : '—',
                    ),
                    h('td', {}, `${formatNumber(Math.round(state.latencyMs))} ms`),
                    h(
                      'td',
                      {},
                      state.kind === 'registry'
                        ? `${state.recentLatencyMs == null ? '—' : `${formatNumber(Math.round(state.recentLatencyMs))} ms`} / ${
                            state.recentErrorRate == null
                              ? '—'
                              : `${formatNumber(Math.round(state.recentErrorRate * 100))} %`
                          }`
                        : '—',
                    ),
                  ),
                ),
              ),
            )
          : null,
      );
    },
  };
}
