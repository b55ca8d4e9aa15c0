/**
 * The tests' ESC/POS decoder: the bytes a printer receives, back into text lines, QR payloads and cuts.
 * It lives with the virtual printer (which shows jobs as text with it) and is re-exported here for the tests.
 */
export { decodeEscPos, type DecodedTicket, type DecodedLine, type DecoderDialect } from '../../sim/printer/escpos-decoder';
