/*
 * unpdf's pdf.js (6.x) calls one ES2024 method Node 20 lacks and unpdf's bundle does not polyfill:
 * ArrayBuffer.prototype.transferToFixedLength (Node ≥ 21), with which pdf.js's worker hands each font it parsed
 * over. Without it every getOperatorList() stops at the first text (pdf.js logs and drops the rest of the page), so
 * the ruling lines of tables after it are lost. This package supports Node ≥ 20.19, so the method is defined where
 * it is missing, before pdf.js loads — as unpdf's bundle itself defines Promise.withResolvers and the others it
 * needs. Where Node has it, nothing is touched.
 */

/**
 * `buffer.transferToFixedLength(length)` as ES2024 defines it for a fixed-length buffer: a new buffer of `length`
 * bytes (default: the same) holding the old contents (cut, or zero-filled past them), the old one detached.
 */
export function transferToFixedLength(buffer: ArrayBuffer, length: number = buffer.byteLength): ArrayBuffer {
  // Same length: transferring moves the bytes without copying them (and detaches the original).
  if (length === buffer.byteLength) return structuredClone(buffer, { transfer: [buffer] });
  const out = new ArrayBuffer(length);
  new Uint8Array(out).set(new Uint8Array(buffer, 0, Math.min(length, buffer.byteLength)));
  structuredClone(buffer, { transfer: [buffer] });
  return out;
}

/** Defines ArrayBuffer.prototype.transferToFixedLength where the runtime lacks it (Node 20). */
export function polyfillForPdfjs(): void {
  if (
    typeof (ArrayBuffer.prototype as { transferToFixedLength?: unknown }).transferToFixedLength === 'function'
  )
    return;
  Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
    value(this: ArrayBuffer, length?: number): ArrayBuffer {
      return transferToFixedLength(this, length);
    },
    writable: true,
    configurable: true,
  });
}
