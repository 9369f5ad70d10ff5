import type { BinaryResponse } from './binary-response';

const NEWLINE = 10;
const CRLF = new Uint8Array([13, 10]);
/** A first line longer than this is not a CSV header; it is passed through rather than held. */
const MAX_HEADER = 64 * 1024;

/**
 * Concatenates the CSV bodies of a time range's windows (a chunked CSV export: one request per
 * window, `paginate=false`) into one stream, keeping the header line of the first window that
 * has one and dropping the same line at the top of the others. Each window is requested only when
 * the previous one has been read to its end, so nothing is held beyond a window's first line.
 *
 * @param first - the first window's answer (already requested, so its errors surface at once)
 * @param fetchWindow - requests window `index` (1 … `count - 1`)
 *
 * @example
 * ```ts
 * import { concatCsvWindows } from '@audian/core';
 *
 * const csv = concatCsvWindows(await fetchWindow(0), fetchWindow, windows.length);
 * ```
 */
export function concatCsvWindows(
  first: BinaryResponse,
  fetchWindow: (index: number) => Promise<BinaryResponse>,
  count: number,
): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  let index = 0;
  let reader = first.stream().getReader();
  let header: string | undefined;
  let pending: Uint8Array | undefined; // the current window's first line, until it is complete
  let firstLineSettled = false;
  let windowStarted = false;
  let lastByte: number | undefined;

  const settleFirstLine = (line: Uint8Array): Uint8Array | undefined => {
    firstLineSettled = true;
    const text = decoder.decode(line).replace(/\r?\n$/, '');
    if (header === undefined) {
      header = text;
      return line;
    }
    return text === header ? undefined : line;
  };

  /** What of `chunk` goes out, once the first line of the window is known. */
  const take = (chunk: Uint8Array): Uint8Array[] => {
    if (firstLineSettled) return [chunk];
    pending = pending ? concat(pending, chunk) : chunk;
    const at = pending.indexOf(NEWLINE);
    if (at < 0) {
      if (pending.length <= MAX_HEADER) return [];
      firstLineSettled = true;
      const all = pending;
      pending = undefined;
      return [all];
    }
    const line = pending.subarray(0, at + 1);
    const rest = pending.subarray(at + 1);
    pending = undefined;
    const kept = settleFirstLine(line);
    return kept ? [kept, rest] : [rest];
  };

  const emit = (controller: ReadableStreamDefaultController<Uint8Array>, parts: Uint8Array[]): boolean => {
    let sent = false;
    for (const part of parts) {
      if (part.length === 0) continue;
      if (!windowStarted && lastByte !== undefined && lastByte !== NEWLINE) controller.enqueue(CRLF);
      windowStarted = true;
      controller.enqueue(part);
      lastByte = part[part.length - 1];
      sent = true;
    }
    return sent;
  };

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        const { value, done } = await reader.read();
        if (!done) {
          if (value && value.length > 0 && emit(controller, take(value))) return;
          continue;
        }
        const tail = pending && !firstLineSettled ? settleFirstLine(pending) : undefined;
        pending = undefined;
        const sent = tail ? emit(controller, [tail]) : false;
        index++;
        if (index >= count) {
          controller.close();
          return;
        }
        reader = (await fetchWindow(index)).stream().getReader();
        firstLineSettled = false;
        windowStarted = false;
        if (sent) return;
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
