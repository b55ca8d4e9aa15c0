import type { CentralObligation } from '../main/central/schemas';

/**
 * The simulator's demo identities, matching the portal's manual. Deterministic: tests and the README rely on
 * every value here. The README lists them for people trying the demo.
 */
export interface SimMember {
  cedula: string;
  fullName: string;
  email: string;
  /** Full phone: only the simulator knows it; the kiosk only ever sees the last three digits. */
  phone: string;
}
export interface SimCompany {
  nit: string; // base-checkDigit
  legalName: string;
  email: string;
  phone: string;
}
/** An obligation as the central API holds it, before the world stamps its version and time. */
export type SimObligation = Omit<CentralObligation, 'version' | 'updatedAt'>;

// People's names as a sede meets them (the seed's screenshots show the Caja's own header, not a person).
export const demoMembers: SimMember[] = [
  { cedula: '1045678901', fullName: 'ANA MARÍA GUTIÉRREZ DE LA HOZ', email: 'ing_demo@hotmail.com', phone: '3004567434' },
  // Registered, but with no phone on file: the manual's NOTA about outdated data applies.
  { cedula: '1045000000', fullName: 'CARLOS ANDRÉS MEJÍA RUIZ', email: 'sin.celular@example.com', phone: '' },
];

export const demoCompanies: SimCompany[] = [
  { nit: '900123456-8', legalName: 'DISTRIBUIDORA DEL CARIBE S.A.S.', email: 'tesoreria@example.com', phone: '3015550987' },
];

export function demoObligations(currentYear: number): SimObligation[] {
  return [
    {
      id: 'LI-38',
      kind: 'credit',
      ownerType: 'member',
      ownerId: '1045678901',
      document: 'LI- 38',
      concept: 'CREDITO POR LIBRANZAS',
      studentName: null,
      validityYear: null,
      debt: 1_752_770,
      paid: 0,
      balance: 1_752_770,
      installment: 175_277,
    },
    {
      id: 'LI-51',
      kind: 'credit',
      ownerType: 'company',
      ownerId: '900123456-8',
      document: 'LI- 51',
      concept: 'CREDITO POR LIBRANZAS',
      studentName: null,
      validityYear: null,
      debt: 8_400_000,
      paid: 2_100_000,
      balance: 6_300_000,
      installment: 700_000,
    },
    {
      id: 'LI-52',
      kind: 'credit',
      ownerType: 'company',
      ownerId: '900123456-8',
      document: 'LI- 52',
      concept: 'CREDITO POR LIBRANZAS',
      studentName: null,
      validityYear: null,
      debt: 3_000_000,
      paid: 2_950_000,
      balance: 50_000,
      installment: 250_000,
    },
    {
      id: `VM-${currentYear}-1043987654`,
      kind: 'enrollmentSlip',
      ownerType: 'student',
      ownerId: '1043987654',
      document: 'VM- 1',
      concept: 'VOLANTES DE MATRICULA',
      studentName: 'SOFÍA GUTIÉRREZ MARTÍNEZ',
      validityYear: currentYear,
      debt: 482_213,
      paid: 0,
      balance: 482_213,
      installment: 482_213,
    },
  ];
}

/** Student `123456` exists in the manual with nothing to pay: the "Ups! No se encontró nada." case. */
export const emptyStudentId = '123456';
