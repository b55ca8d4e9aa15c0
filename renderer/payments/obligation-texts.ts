import { formatDateTime } from '../format';

/** The Spanish of CRÉDITOS and JARDÍN (the seed's notes and the empty search), with the sede's contacts filled in. */
export const obligationTexts = {
  creditsIntro: 'Aquí podrá verificar en qué estado se encuentran sus créditos activos, tales como cuotas pendientes por pagar.',
  creditsNote: (advisorEmail: string, portfolioEmail: string) =>
    `Si tiene alguna duda con respecto a la información aquí contenida comuníquese con el asesor asignado a su empresa (${advisorEmail}), o envíe un correo a ${portfolioEmail}.`,
  noCredits: 'No tiene créditos activos pendientes por pagar.',
  jardinIntro:
    'Aquí deberá ingresar el número de identificación del niño(a), con el que se encuentra matriculado en el jardín; automáticamente se mostrarán los volantes pendientes de pago a la fecha.',
  jardinHelp:
    'Si al digitar el número de identificación del niño(a) le sale información que usted considera errada, verifique que esté correcto el número de identificación y, si aun así persiste el inconveniente, comuníquese con los números de teléfono del jardín.',
  studentIdFormat: 'Digite el número de identificación del alumno: solo números, de 4 a 12 dígitos.',
  nothingFoundTitle: 'Ups! No se encontró nada.',
  nothingFound: (phones: string[]) =>
    'Realizamos la consulta bajo ese número de identificación del menor y no registramos volantes de pago vigentes. ' +
    'Verifique que el número de identificación digitado sea el correcto, si persiste el inconveniente y el número es correcto, ' +
    `comuníquese con el personal del Jardín a los siguientes números telefónicos ${phoneList(phones)}.`,
  /** Shown when the answer comes from the terminal's copy, not from the central system. */
  localData: (asOf: string) =>
    `Información del ${formatDateTime(asOf)}; sin conexión con el sistema central. Los valores pueden haber cambiado desde entonces.`,
};

/** `3491109 - 3714674 o al Celular 317 647 5902`, as the seed lists the jardín's phones (mobiles start with 3 and have 10 digits). */
export function phoneList(phones: string[]): string {
  const isMobile = (phone: string) => /^3\d{9}$/.test(phone.replace(/\D/g, ''));
  const fixed = phones.filter((p) => !isMobile(p));
  const mobiles = phones.filter(isMobile);
  const parts: string[] = [];
  if (fixed.length) parts.push(fixed.join(' - '));
  if (mobiles.length) parts.push(`${mobiles.length === 1 ? 'al Celular' : 'a los Celulares'} ${mobiles.join(' - ')}`);
  return parts.join(' o ');
}
