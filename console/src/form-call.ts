import type { z } from 'zod';
import { fieldErrorsOf } from '../../functions/commons/http-request.js';
import type { FieldError, Problem } from '../../schemas/problem.js';
import type { ApiAnswer } from './api.js';
import { problemBox } from './problems.js';
import type { Refresh } from './views/view.js';

export interface FormCheck {
  /** The endpoint's own request schema. */
  readonly schema: z.ZodType;
  readonly input: unknown;
  /** Field name of an input that is a single value rather than an object (e.g. a path parameter). */
  readonly field?: string;
}

/**
 * What every console form does with one call to the gateway: check the input with the endpoint's
 * own schema (a wrong field is shown beside it and nothing is sent), show that the call is under way,
 * then keep either the answer or the problem, whose field errors are shown beside their fields too.
 */
export class FormCall {
  errors: FieldError[] = [];
  problem: Problem | undefined;
  busy = false;

  constructor(private readonly refresh: Refresh) {}

  /**
   * Checks, calls and redraws. `onAnswer` receives the body of a successful answer before the
   * screen is drawn again; a refused input or a problem leaves it uncalled.
   */
  async submit<T>(
    check: FormCheck,
    call: () => Promise<ApiAnswer<T>>,
    onAnswer: (body: T) => void,
  ): Promise<void> {
    const parsed = check.schema.safeParse(check.input);
    this.problem = undefined;
    this.errors = parsed.success ? [] : fieldErrorsOf(parsed.error, check.input, check.field);
    if (!parsed.success) return this.refresh();
    this.busy = true;
    this.refresh();
    const answer = await call();
    this.busy = false;
    if (answer.ok) onAnswer(answer.body);
    else {
      this.problem = answer.problem;
      this.errors = answer.problem.errors ?? [];
    }
    this.refresh();
  }

  /** The problem of the last call, as a message box (nothing when there is none). */
  problemBox(): HTMLElement | null {
    return this.problem ? problemBox(this.problem) : null;
  }
}
