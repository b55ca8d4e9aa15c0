/**
 * ESC p m t1 t2: pulse the cash drawer on pin 2 (m = 0) for 25 × 2 ms on, 250 × 2 ms off. The same bytes on
 * Epson and on Star printers in ESC/POS emulation; the drawer is wired to the printer, not to the terminal.
 */
export const DRAWER_KICK = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);
