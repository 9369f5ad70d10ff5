import type { SandboxRequest } from './context';

/** Whether a request body is a binary upload rather than a JSON envelope. */
export function isBinaryUpload(contentType: string): boolean {
  return contentType !== 'application/json' && contentType !== 'application/x-json' && contentType !== '';
}

/** An upload's media type and bytes. Monster UI uploads `data:<type>;base64,<bytes>` with `application/x-base64`. */
export function decodeUpload(req: SandboxRequest): { contentType: string; data: Buffer } {
  if (req.contentType === 'application/x-base64') {
    const text = req.body.toString('utf8').trim();
    const match = /^data:([^;,]+)(;base64)?,(.*)$/s.exec(text);
    if (match) return { contentType: match[1] as string, data: Buffer.from(match[3] as string, match[2] ? 'base64' : 'utf8') };
    return { contentType: 'application/octet-stream', data: Buffer.from(text, 'base64') };
  }
  return { contentType: req.contentType, data: req.body };
}

/** Whether the client asked for the binary rather than the JSON document. */
export function wantsBinary(req: SandboxRequest): boolean {
  const accept = String(req.headers.accept ?? '').toLowerCase();
  return /(^|,)\s*(audio\/|video\/|application\/octet-stream|image\/)/.test(accept);
}
