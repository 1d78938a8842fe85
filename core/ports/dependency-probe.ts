export interface ProbeResult {
  readonly reachable: boolean;
  readonly latencyMs: number;
  /** Short, safe description of what went wrong. */
  readonly detail?: string;
}

/** Something the gateway depends on that can be asked "are you there?" cheaply. */
export interface DependencyProbe {
  readonly name: string;
  readonly kind: 'store' | 'registry';
  probe(): Promise<ProbeResult>;
}
