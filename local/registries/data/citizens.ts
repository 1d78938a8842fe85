import type { Citizen } from './citizen.js';
import { CitizenGenerator } from './citizen-generator.js';
import { fixtureCitizens } from './fixture-citizens.js';

export type { Citizen, PersonName, RegisteredAddress, RelatedPerson } from './citizen.js';
export { fullNameOf } from './citizen.js';
export { fixtureCitizens } from './fixture-citizens.js';

export interface CitizenGenerationOptions {
  readonly seed: number;
  /** Synthetic citizens on top of the fixtures. */
  readonly count: number;
}

export const defaultCitizenSeed = 20250701;
export const defaultCitizenCount = 10_000;

/** Deterministic: the same seed and count always give the same citizens, fixtures first. */
export function generateCitizens({ seed, count }: CitizenGenerationOptions): Citizen[] {
  return [...fixtureCitizens, ...new CitizenGenerator(seed, fixtureCitizens).generate(count)];
}

/** Citizens indexed by personal id and by old id number. */
export interface CitizenDirectory {
  readonly citizens: readonly Citizen[];
  byPersonalId(personalId: string): Citizen | undefined;
  byOldIdNumber(oldIdNumber: string): Citizen | undefined;
}

const directories = new Map<string, CitizenDirectory>();

/** The citizens of one seed, generated once per process and shared by every simulator. */
export function citizenDirectory(seed = defaultCitizenSeed, count = defaultCitizenCount): CitizenDirectory {
  const key = `${seed}:${count}`;
  let directory = directories.get(key);
  if (directory === undefined) {
    const citizens = generateCitizens({ seed, count });
    const byId = new Map(citizens.map((c) => [c.personalId, c]));
    const byOldId = new Map(citizens.filter((c) => c.oldIdNumber).map((c) => [c.oldIdNumber as string, c]));
    directory = {
      citizens,
      byPersonalId: (id) => byId.get(id),
      byOldIdNumber: (id) => byOldId.get(id),
    };
    directories.set(key, directory);
  }
  return directory;
}
