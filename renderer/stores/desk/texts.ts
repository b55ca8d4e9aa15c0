import { formatCop } from '../../format';

/** Every Spanish text of the desk's screens (Turno, Buscar, Cobrar, recibos, Anular, Conflictos, cierre). */
export const deskTexts = {
  nav: { shift: 'Turno', lookup: 'Buscar', receipts: 'Recibos', close: 'Cierre', conflicts: 'Conflictos', history: 'Historial' },
  strip: {
    none: 'Sin turno abierto: abra el turno para cobrar.',
    open: (since: string) => `Turno abierto desde ${since}`,
  },
  shift: {
    openTitle: 'Abrir turno',
    openHelp: 'Cuente el efectivo de la base (fondo de caja) y escríbalo para abrir el turno.',
    floatLabel: 'Base (fondo de caja)',
    floatMissing: 'Escriba el valor de la base en pesos (puede ser $ 0).',
    open: 'Abrir turno',
    alreadyOpen: 'Ya hay un turno abierto en este terminal.',
  },
  lookup: {
    title: 'Buscar',
    help: 'Busque por cédula, NIT (con o sin dígito de verificación) o número de identificación del alumno.',
    kinds: { member: 'Cédula', company: 'NIT', student: 'Alumno' },
    labels: { member: 'Cédula de Ciudadanía', company: 'NIT', student: 'Número de Identificación del Alumno' },
    search: 'Buscar',
    empty: 'No se encontraron obligaciones pendientes para esta identificación.',
    refreshing: 'Actualizando con el sistema central…',
    live: 'Datos actualizados con el sistema central.',
    local: (age: string) => `Datos guardados en este terminal, de hace ${age}.`,
    invalid: {
      member: 'La cédula debe tener solo dígitos (de 5 a 10).',
      company: 'El NIT debe tener de 6 a 9 dígitos, con o sin guion y dígito de verificación (por ejemplo 900123456-8).',
      companyCheckDigit: 'El dígito de verificación no corresponde a ese NIT. Revíselo o escríbalo sin el dígito.',
      student: 'El número del alumno debe tener solo dígitos (de 4 a 12).',
    },
    credits: 'Créditos',
    slips: 'Volantes de matrícula (jardín)',
  },
  charge: {
    title: 'Cobrar',
    amount: 'Valor a pagar',
    installment: 'Cuota mensual',
    balance: 'Saldo total',
    other: 'Otro valor',
    method: 'Medio de pago',
    methods: { cash: 'Efectivo', card: 'Datáfono', pse: 'PSE' },
    received: 'Valor recibido',
    change: 'Cambio',
    receivedShort: (missing: number) => `El valor recibido es menor que el valor a pagar: faltan ${formatCop(missing)}.`,
    receivedMissing: 'Escriba el valor recibido en efectivo.',
    franchise: 'Franquicia',
    franchisePick: 'Elija la franquicia de la tarjeta.',
    last4: 'Últimos 4 dígitos',
    last4Invalid: 'Escriba 4 dígitos, como en el comprobante del datáfono.',
    authCode: 'Código de autorización',
    authCodeInvalid: 'De 4 a 8 letras o dígitos, como en el comprobante.',
    pseOffline: 'PSE no está disponible: no hay conexión con el sistema central. Cobre en efectivo o con datáfono.',
    pseHere: 'El pago por PSE se hace en la página del banco del afiliado; ábralo desde la pantalla del kiosco o el portal.',
    confirm: 'Cobrar',
    noShift: 'Abra el turno antes de cobrar.',
    review: 'Revise los datos marcados antes de cobrar.',
  },
  receipt: {
    title: 'Recibo de caja',
    printed: 'Recibo impreso.',
    printing: 'Imprimiendo el recibo…',
    reprint: 'Reimprimir (COPIA)',
    reprinted: 'Copia enviada a la impresora.',
    void: 'Anular',
    newCharge: 'Nuevo cobro',
    voided: 'ANULADO',
  },
  void: {
    title: 'Anular recibo',
    reason: 'Motivo de la anulación',
    reasonInvalid: 'Escriba el motivo de la anulación (de 5 a 200 caracteres).',
    confirm: 'Anular recibo',
    done: 'Recibo anulado. Se envió a la impresora el comprobante de anulación (ANULADO).',
    doneNoPaper: 'Recibo anulado, pero el comprobante de anulación no se pudo imprimir',
    notVoidable: 'Solo se pueden anular pagos en efectivo o datáfono del turno abierto.',
  },
  supervisor: {
    title: 'Autorización de supervisor',
    username: 'Usuario del supervisor',
    pin: 'PIN del supervisor',
    authorize: 'Autorizar',
    cancel: 'Cancelar',
    missing: 'Digite el usuario y el PIN (4 a 8 dígitos) del supervisor.',
  },
  close: {
    title: 'Cierre de caja',
    counted: 'Efectivo contado',
    byDenomination: 'Contar por denominación',
    expected: 'Efectivo esperado',
    difference: 'Diferencia',
    totals: 'Totales por medio de pago',
    pendingAck: (n: number) => `${n} pago(s) aún no registrados en el sistema central: el supervisor debe dar su visto bueno.`,
    differenceAuth: 'La diferencia no es cero: se requiere la autorización de un supervisor.',
    confirm: 'Cerrar turno',
    done: 'Turno cerrado. Se imprimió el cierre de caja.',
    countedMissing: 'Escriba el efectivo contado (o cuéntelo por denominación).',
  },
  conflicts: {
    title: 'Conflictos',
    help: 'Pagos que el sistema central no aceptó porque la obligación cambió mientras tanto. Ningún pago se perdió: revise ambos lados.',
    empty: 'No hay conflictos pendientes.',
    supervisorOnly: 'Solo un supervisor puede revisar los conflictos.',
  },
} as const;

/** `125` → `2 min`, for the age of the local copy. */
export function ageText(seconds: number): string {
  if (seconds < 60) return `${seconds} seg`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86_400)} día(s)`;
}
