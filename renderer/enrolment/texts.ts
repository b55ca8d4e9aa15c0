import { ApiCallError } from '../api';
import { messageFor } from '../messages';

/** The Spanish of the técnico's screens: enrolment and the diagnostic export. */
const FIELD_LABELS: Record<string, string> = {
  enrolmentCode: 'Código de enrolamiento',
  siteId: 'Código de la sede',
  terminalId: 'Identificador del terminal',
  role: 'Modo',
  centralUrl: 'Dirección del sistema central',
  'printer.interface': 'Impresora',
  'printer.type': 'Tipo de impresora',
  'printer.width': 'Ancho del papel',
};

const REASONS: Record<string, string> = {
  ENROLMENT_CODE_INVALID: 'El código de enrolamiento no es válido: no existe, ya se usó, venció o es de otra sede. Solicite uno nuevo.',
  CENTRAL_UNREACHABLE: 'No hay conexión con el sistema central en la dirección indicada. Revise la dirección y la red.',
  CENTRAL_REFUSED: 'El sistema central rechazó el enrolamiento. Comuníquese con soporte de Cajacopi.',
  ALREADY_ENROLLED: 'Este terminal ya está enrolado.',
  FOLDER_NOT_FOUND: 'La carpeta no existe. Conecte la memoria USB y escriba su ruta completa (por ejemplo E:\\ o /media/usb).',
  FOLDER_NOT_WRITABLE: 'No se pudo escribir en esa carpeta. Revise que la memoria USB no esté protegida.',
};

export function technicianMessage(error: unknown): string {
  if (!(error instanceof ApiCallError)) return messageFor(error);
  const details = error.body.details ?? {};
  const reason = typeof details.reason === 'string' ? REASONS[details.reason] : undefined;
  if (reason) return reason;
  if (error.code === 'VALIDATION' && Array.isArray(details.issues)) {
    const fields = details.issues
      .map((issue: unknown) => (typeof issue === 'object' && issue && 'path' in issue ? FIELD_LABELS[String(issue.path)] : undefined))
      .filter((label): label is string => label !== undefined);
    if (fields.length > 0) return `Revise: ${[...new Set(fields)].join(', ')}.`;
  }
  return messageFor(error);
}
