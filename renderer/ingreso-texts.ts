/** What Ingreso says before any refusal: loaded with the first screen (auth-messages.ts has the refusals). */
export type Audience = 'member' | 'company';

export interface SignInMessage {
  text: string;
  /** Show the manual's NOTA about outdated data, with the sede's contact channels. */
  note: boolean;
}

export const ingresoTexts = {
  documentMissing: { member: 'Digite su número de cédula.', company: 'Digite el NIT de la empresa.' },
  codeMissing: 'Digite el código de verificación que recibió por mensaje de texto y presione Ingresar.',
  codeFormat: 'El código de verificación tiene 6 dígitos.',
  sessionEnded: {
    idle: 'Su sesión terminó por inactividad. Para continuar, ingrese de nuevo.',
    'max-length': 'Su sesión terminó porque alcanzó el tiempo máximo permitido. Para continuar, ingrese de nuevo.',
    'sign-out': 'Su sesión terminó. Gracias por usar Pagos Express.',
    'operator-ended': 'La sesión terminó.',
  },
} as const;
