import { centurySexDigit } from '../../../schemas/identifiers/personal-id.js';
import { SeededRandom, WeightedTable } from '../random.js';
import {
  fullNameOf,
  type Citizen,
  type PersonName,
  type RegisteredAddress,
  type RelatedPerson,
} from './citizen.js';
import { loadGeography, type Commune, type Geography } from './geography.js';
import {
  bloodTypes,
  ethnicities,
  givenNames,
  middleNames,
  religions,
  streets,
  surnames,
} from './vietnamese-names.js';

type Sex = 'male' | 'female';

/** Nobody is born after this day, whatever the machine's clock says: generation must not drift. */
export const latestBirthDate = '2025-10-31';
const referenceYear = 2025;
/** Births registered on or after this day carry 2025 commune codes (no district). */
const reorganisationDate = '2025-07-01';
const country = 'Việt Nam';
/** Bình Dương (74), folded into TP. Hồ Chí Minh (79) in 2025: the province this gateway serves. */
const homeFormerProvince = '74';
const homeProvince = '79';

const adultAges = new WeightedTable<readonly [number, number]>([
  [[22, 29], 16],
  [[30, 39], 24],
  [[40, 49], 22],
  [[50, 59], 18],
  [[60, 69], 12],
  [[70, 79], 6],
  [[80, 92], 2],
]);
const childCounts = new WeightedTable<number>([
  [0, 15],
  [1, 30],
  [2, 40],
  [3, 12],
  [4, 3],
]);

interface PersonPlan {
  readonly sex: Sex;
  readonly birthYear: number;
  readonly family: string;
  /** Where the birth was registered. */
  readonly birthPlace: Commune;
  readonly hometown: Commune;
  readonly permanentAddress: RegisteredAddress;
  readonly currentAddress: RegisteredAddress;
  readonly maritalStatus: string;
  readonly father?: RelatedPerson;
  readonly mother?: RelatedPerson;
  readonly spouse?: RelatedPerson;
  readonly household: Citizen['household'];
  readonly ethnicity: string;
  readonly religion: string;
}

/**
 * Synthetic citizens, household by household: a head, often a spouse, children born to them, sometimes
 * an elderly parent. Members share a permanent address in a 2025 commune; births are registered in the
 * commune of the era they happened in (pre-2025 communes with their district, or 2025 communes), and
 * each personal id's province, century/sex digit and year follow from that birth.
 */
export class CitizenGenerator {
  private readonly random: SeededRandom;
  private readonly geography: Geography;
  private readonly usedPersonalIds = new Set<string>();
  private readonly usedOldIdNumbers = new Set<string>();
  private readonly surnameTable = new WeightedTable(surnames);
  private readonly givenNameTables = {
    male: new WeightedTable(givenNames.male),
    female: new WeightedTable(givenNames.female),
  };
  private readonly middleNameTables = new Map<string, WeightedTable<string>>();
  private readonly ethnicityTable = new WeightedTable(ethnicities);
  private readonly religionTable = new WeightedTable(religions);
  private readonly bloodTypeTable = new WeightedTable(bloodTypes);
  private readonly homeCommunes: readonly Commune[];
  private readonly formerHomeProvinceCommunes: readonly Commune[];
  private readonly otherCurrentProvinces: readonly string[];
  private householdSequence = 1_000_000;

  constructor(seed: number, reserved: readonly Citizen[]) {
    this.random = new SeededRandom(seed);
    this.geography = loadGeography();
    for (const citizen of reserved) {
      this.usedPersonalIds.add(citizen.personalId);
      if (citizen.oldIdNumber) this.usedOldIdNumbers.add(citizen.oldIdNumber);
    }
    this.homeCommunes = this.geography.currentByProvince.get(homeProvince) ?? [];
    this.formerHomeProvinceCommunes = this.homeCommunes.filter((c) =>
      (this.geography.predecessors.get(c.code) ?? []).some((p) => p.provinceCode === homeFormerProvince),
    );
    this.otherCurrentProvinces = [...this.geography.currentByProvince.keys()].filter(
      (p) => p !== homeProvince,
    );
  }

  generate(count: number): Citizen[] {
    const citizens: Citizen[] = [];
    while (citizens.length < count) citizens.push(...this.household());
    citizens.length = count;
    return withoutDanglingLinks(citizens);
  }

  private household(): Citizen[] {
    const random = this.random;
    const commune = this.currentCommune();
    const localFormer = this.formerCommuneOf(commune);
    const permanentAddress = this.streetAddress(commune);
    const number = `${commune.provinceCode}${String(this.householdSequence++).padStart(7, '0')}`;
    const [minAge, maxAge] = adultAges.pick(random);
    const headYear = referenceYear - random.int(minAge, maxAge);
    const headSex: Sex = random.chance(0.7) ? 'male' : 'female';
    const married = random.chance(0.72);
    const headFamily = this.surnameTable.pick(random);
    const ethnicity = this.ethnicityTable.pick(random);
    const religion = this.religionTable.pick(random);
    const headPlaces = this.adultPlaces(localFormer);
    const headPersonalId = this.personalIdFor(headYear, headSex, headPlaces.birthPlace);
    const household = (relationToHead: string) => ({ number, headPersonalId, relationToHead });
    const shared = { permanentAddress, ethnicity, religion };

    const elder =
      referenceYear - headYear < 55 && random.chance(0.15)
        ? this.person({
            ...shared,
            sex: 'female',
            birthYear: headYear - random.int(20, 38),
            family: this.surnameTable.pick(random),
            ...this.adultPlaces(localFormer),
            currentAddress: permanentAddress,
            maritalStatus: 'Góa',
            household: household('Mẹ'),
          })
        : undefined;

    const spouseSex: Sex = headSex === 'male' ? 'female' : 'male';
    const spouseYear = married ? headYear + random.int(-4, 8) * (headSex === 'male' ? 1 : -1) : undefined;
    const spouseFamily = this.surnameTable.pick(random);
    const spouseName = married ? this.name(spouseSex, spouseYear as number, spouseFamily) : undefined;
    const head = this.person({
      ...shared,
      sex: headSex,
      birthYear: headYear,
      family: headFamily,
      ...headPlaces,
      currentAddress: random.chance(0.9) ? permanentAddress : this.streetAddress(this.nearbyCommune(commune)),
      maritalStatus: married ? 'Đã kết hôn' : this.unmarriedStatus(headYear),
      father: { fullName: fullNameOf(this.name('male', headYear - 28, headFamily)) },
      mother: elder ? relatedOf(elder) : { fullName: fullNameOf(this.name('female', headYear - 25)) },
      household: household('Chủ hộ'),
      personalId: headPersonalId,
    });

    const members: Citizen[] = [head];
    let spouse: Citizen | undefined;
    if (married && spouseName && spouseYear !== undefined && spouseYear <= referenceYear - 18) {
      spouse = this.person({
        ...shared,
        sex: spouseSex,
        birthYear: spouseYear,
        family: spouseFamily,
        name: spouseName,
        ...this.adultPlaces(localFormer),
        currentAddress: head.currentAddress,
        maritalStatus: 'Đã kết hôn',
        spouse: relatedOf(head),
        household: household(spouseSex === 'female' ? 'Vợ' : 'Chồng'),
      });
      members.push(spouse);
      members[0] = { ...head, spouse: relatedOf(spouse) };
    }
    if (elder) members.push(elder);

    const father = [head, spouse].find((p) => p?.sex === 'male');
    const mother = [head, spouse].find((p) => p?.sex === 'female');
    const children = married || random.chance(0.15) ? childCounts.pick(random) : 0;
    const motherYear = mother ? Number(mother.dateOfBirth.slice(0, 4)) : headYear;
    for (let i = 0; i < children; i += 1) {
      const birthYear = motherYear + random.int(20, 40);
      if (birthYear > referenceYear) continue;
      const sex: Sex = random.chance(0.51) ? 'male' : 'female';
      members.push(
        this.person({
          ...shared,
          sex,
          birthYear,
          family: father ? father.name.family : headFamily,
          birthPlace: localFormer,
          hometown: father ? this.communeOfAddress(father.hometown) : localFormer,
          currentAddress:
            referenceYear - birthYear >= 18 && random.chance(0.2)
              ? this.streetAddress(this.nearbyCommune(commune))
              : head.currentAddress,
          maritalStatus: 'Chưa kết hôn',
          father: father ? relatedOf(father) : undefined,
          mother: mother ? relatedOf(mother) : undefined,
          household: household('Con'),
          reorganisedBirthPlace: commune,
        }),
      );
    }
    return members;
  }

  private person(
    plan: PersonPlan & { name?: PersonName; personalId?: string; reorganisedBirthPlace?: Commune },
  ): Citizen {
    const random = this.random;
    const name = plan.name ?? this.name(plan.sex, plan.birthYear, plan.family);
    const dateOfBirth = this.dateOfBirth(plan.birthYear);
    // A birth after the reorganisation is registered in the 2025 commune, under its 2025 province.
    const birthPlace =
      plan.reorganisedBirthPlace && dateOfBirth >= reorganisationDate
        ? plan.reorganisedBirthPlace
        : plan.birthPlace;
    const personalId = plan.personalId ?? this.personalIdFor(plan.birthYear, plan.sex, birthPlace);
    const oldIdNumber = plan.birthYear <= 2007 && random.chance(0.75) ? this.oldIdNumber() : undefined;
    return {
      personalId,
      ...(oldIdNumber ? { oldIdNumber } : {}),
      name,
      fullName: fullNameOf(name),
      sex: plan.sex,
      dateOfBirth,
      ethnicity: plan.ethnicity,
      religion: plan.religion,
      maritalStatus: plan.maritalStatus,
      bloodType: this.bloodTypeTable.pick(random),
      nationality: country,
      birthRegistration: registrationAddress(birthPlace),
      hometown: registrationAddress(plan.hometown),
      permanentAddress: plan.permanentAddress,
      currentAddress: plan.currentAddress,
      ...(plan.father ? { father: plan.father } : {}),
      ...(plan.mother ? { mother: plan.mother } : {}),
      ...(plan.spouse ? { spouse: plan.spouse } : {}),
      household: plan.household,
    };
  }

  private name(sex: Sex, birthYear: number, family = this.surnameTable.pick(this.random)): PersonName {
    const era = birthYear < 1975 ? 'old' : birthYear < 1995 ? 'middle' : 'young';
    const key = `${sex}:${era}`;
    let middles = this.middleNameTables.get(key);
    if (middles === undefined) {
      middles = new WeightedTable(middleNames(sex, birthYear));
      this.middleNameTables.set(key, middles);
    }
    const given = this.givenNameTables[sex].pick(this.random);
    const middle = this.random.chance(0.02) ? [] : middles.pick(this.random).split(' ');
    // "Ngọc Ngọc" is not a name: drop a middle name that repeats the given name.
    if (middle.at(-1) === given) middle.pop();
    return { family, middle: middle.join(' '), given };
  }

  /** Year-only records are common for people born before the 1960s, rare later. */
  private dateOfBirth(year: number): string {
    const random = this.random;
    const yearOnly = year < 1950 ? 0.35 : year < 1960 ? 0.2 : year < 1975 ? 0.08 : 0.004;
    if (random.chance(yearOnly)) return String(year);
    const lastMonth = year === referenceYear ? Number(latestBirthDate.slice(5, 7)) : 12;
    const month = random.int(1, lastMonth);
    const day = random.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  private personalIdFor(birthYear: number, sex: Sex, birthPlace: Commune): string {
    const prefix = `0${birthPlace.provinceCode}${centurySexDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}`;
    for (;;) {
      const id = prefix + String(this.random.int(0, 999_999)).padStart(6, '0');
      if (!this.usedPersonalIds.has(id)) {
        this.usedPersonalIds.add(id);
        return id;
      }
    }
  }

  private oldIdNumber(): string {
    for (;;) {
      const id = String(this.random.int(10_000_000, 389_999_999)).padStart(9, '0');
      if (!this.usedOldIdNumbers.has(id)) {
        this.usedOldIdNumbers.add(id);
        return id;
      }
    }
  }

  /** Seven in ten households live in TP. Hồ Chí Minh (half of them in former Bình Dương), the rest anywhere. */
  private currentCommune(): Commune {
    const random = this.random;
    if (random.chance(0.7)) {
      return random.chance(0.5)
        ? random.pick(this.formerHomeProvinceCommunes)
        : random.pick(this.homeCommunes);
    }
    const province = random.pick(this.otherCurrentProvinces);
    return random.pick(this.geography.currentByProvince.get(province) ?? this.homeCommunes);
  }

  private formerCommuneOf(commune: Commune): Commune {
    const predecessors = this.geography.predecessors.get(commune.code) ?? [];
    if (predecessors.length > 0) return this.random.pick(predecessors);
    return this.random.pick(this.geography.formerByProvince.get(commune.provinceCode) ?? []);
  }

  private nearbyCommune(commune: Commune): Commune {
    return this.random.pick(this.geography.currentByProvince.get(commune.provinceCode) ?? [commune]);
  }

  /** Four in ten adults were born where they live; the others moved in from anywhere. */
  private adultBirthPlace(local: Commune): Commune {
    if (this.random.chance(0.4)) return local;
    const province = this.random.pick(this.geography.formerProvinceCodes);
    return this.random.pick(this.geography.formerByProvince.get(province) ?? [local]);
  }

  private adultPlaces(local: Commune): { birthPlace: Commune; hometown: Commune } {
    const birthPlace = this.adultBirthPlace(local);
    const hometown = this.random.chance(0.75)
      ? birthPlace
      : this.random.pick(this.geography.formerByProvince.get(birthPlace.provinceCode) ?? [birthPlace]);
    return { birthPlace, hometown };
  }

  private communeOfAddress(address: RegisteredAddress): Commune {
    const former = this.geography.formerByProvince.get(address.provinceCode) ?? [];
    return former.find((c) => c.code === address.communeCode) ?? (former[0] as Commune);
  }

  private unmarriedStatus(birthYear: number): string {
    const age = referenceYear - birthYear;
    if (age >= 60 && this.random.chance(0.6)) return 'Góa';
    return this.random.chance(0.7) ? 'Chưa kết hôn' : 'Ly hôn';
  }

  private streetAddress(commune: Commune): RegisteredAddress {
    const random = this.random;
    const urban = commune.fullName.startsWith('Phường');
    const detail = urban
      ? `Số ${random.int(1, 350)} đường ${random.pick(streets)}`
      : `${Number(commune.provinceCode) >= 70 ? 'Ấp' : 'Thôn'} ${random.int(1, 12)}`;
    return {
      provinceCode: commune.provinceCode,
      communeCode: commune.code,
      detail: `${detail}, ${commune.fullName}, ${commune.provinceFullName}`,
      country,
    };
  }
}

function registrationAddress(commune: Commune): RegisteredAddress {
  return {
    provinceCode: commune.provinceCode,
    ...(commune.districtCode ? { districtCode: commune.districtCode } : {}),
    communeCode: commune.code,
    detail: [commune.fullName, commune.districtFullName, commune.provinceFullName].filter(Boolean).join(', '),
    country,
  };
}

function relatedOf(citizen: Citizen): RelatedPerson {
  return { personalId: citizen.personalId, fullName: citizen.fullName };
}

/** A household cut short by the requested count must not point at people who were not kept. */
function withoutDanglingLinks(citizens: Citizen[]): Citizen[] {
  const kept = new Set(citizens.map((c) => c.personalId));
  const unlink = (person: RelatedPerson | undefined) =>
    person?.personalId && !kept.has(person.personalId) ? { fullName: person.fullName } : person;
  return citizens.map((citizen) => {
    const father = unlink(citizen.father);
    const mother = unlink(citizen.mother);
    const spouse = unlink(citizen.spouse);
    if (father === citizen.father && mother === citizen.mother && spouse === citizen.spouse) return citizen;
    return {
      ...citizen,
      ...(father ? { father } : {}),
      ...(mother ? { mother } : {}),
      ...(spouse ? { spouse } : {}),
    };
  });
}
