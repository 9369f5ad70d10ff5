import type { SandboxRequest } from './context';

/** One part of a multipart body: its headers (lower-cased names) and its bytes. */
export interface BodyPart {
  readonly headers: Readonly<Record<string, string>>;
  /** The part's media type, lowercased, without parameters. */
  readonly contentType: string;
  readonly body: Buffer;
}

/** Whether the request is `multipart/*` (faxes take `multipart/mixed`, curl's `-F` sends `multipart/form-data`). */
export function isMultipart(contentType: string): boolean {
  return contentType.startsWith('multipart/');
}

function boundaryOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(value ?? '');
  return match ? (match[1] ?? match[2]) : undefined;
}

function partHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

/**
 * Splits a multipart body into its parts (RFC 2046). A part without a `Content-Type` is
 * `text/plain`, or `application/octet-stream` when it is a form-data file. Returns `[]` when the
 * request names no boundary or the body holds none of it.
 */
export function parseMultipart(req: SandboxRequest): BodyPart[] {
  const boundary = boundaryOf(req.headers['content-type']);
  if (!boundary) return [];
  const body = req.body;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: BodyPart[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    let start = at + delimiter.length;
    // `--` after the delimiter closes the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // The CRLF before the next delimiter belongs to the delimiter, not to the part.
    const end = next >= 2 && body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    const chunk = body.subarray(start, end);
    const split = chunk.indexOf('\r\n\r\n');
    const headers = partHeaders(split < 0 ? '' : chunk.subarray(0, split).toString('latin1'));
    const content = split < 0 ? chunk : chunk.subarray(split + 4);
    const declared = (headers['content-type']?.split(';')[0] ?? '').trim().toLowerCase();
    const isFile = /filename=/i.test(headers['content-disposition'] ?? '');
    parts.push({ headers, contentType: declared || (isFile ? 'application/octet-stream' : 'text/plain'), body: content });
    at = next;
  }
  return parts;
}
