import { randomInt } from 'node:crypto';
import { citizenDirectory } from '../../local/registries/data/citizens.js';

/**
 * A well-formed personal id (Hà Nội, male, born 1990) that no citizen of the population simulator
 * holds and that no earlier call of this process returned. The stack's ledger outlives a test file,
 * so a suite that needs "nobody has accessed this id" takes a fresh one instead of a shared constant.
 */
export function unheldPersonalId(): string {
  const directory = citizenDirectory();
  for (;;) {
    const candidate = `001090${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    if (directory.byPersonalId(candidate) === undefined && !issued.has(candidate)) {
      issued.add(candidate);
      return candidate;
    }
  }
}

const issued = new Set<string>();
