/** A place as the population registry records it: codes of the era it was recorded in, plus a free-text detail. */
export interface RegisteredAddress {
  readonly provinceCode: string;
  /** Pre-2025 district; absent for addresses recorded after the 1 July 2025 reorganisation. */
  readonly districtCode?: string;
  readonly communeCode: string;
  readonly detail: string;
  readonly country: string;
}

export interface PersonName {
  readonly family: string;
  /** Middle name(s) (chữ đệm); may be empty. */
  readonly middle: string;
  readonly given: string;
}

export interface RelatedPerson {
  readonly personalId?: string;
  readonly fullName: string;
}

/** One synthetic citizen of the simulated national population database. */
export interface Citizen {
  readonly personalId: string;
  /** The old 9-digit identity card number (CMND), for people old enough to have had one. */
  readonly oldIdNumber?: string;
  readonly name: PersonName;
  /** `family middle given`, single-spaced, NFC. */
  readonly fullName: string;
  readonly sex: 'male' | 'female';
  /** `YYYY-MM-DD`, or `YYYY` for people whose records hold the year only. */
  readonly dateOfBirth: string;
  readonly ethnicity: string;
  readonly religion: string;
  readonly maritalStatus: string;
  readonly bloodType: string;
  readonly nationality: string;
  readonly birthRegistration: RegisteredAddress;
  readonly hometown: RegisteredAddress;
  readonly permanentAddress: RegisteredAddress;
  readonly currentAddress: RegisteredAddress;
  readonly father?: RelatedPerson;
  readonly mother?: RelatedPerson;
  readonly spouse?: RelatedPerson;
  readonly household: {
    /** Household registration book number (số sổ hộ khẩu). */
    readonly number: string;
    readonly headPersonalId: string;
    /** Relation to the household head, in the registry's words: `Chủ hộ`, `Vợ`, `Con`, ... */
    readonly relationToHead: string;
  };
}

export function fullNameOf(name: PersonName): string {
  return [name.family, name.middle, name.given]
    .filter((part) => part !== '')
    .join(' ')
    .normalize('NFC');
}
