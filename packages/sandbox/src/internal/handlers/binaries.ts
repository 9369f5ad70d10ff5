import type { Reply, SandboxRequest } from '../context';
import { badIdentifier, validationError } from '../crossbar-error';
import type { Engine } from '../engine';
import { RESOURCES } from '../resources';
import { docReply } from './collection';

const MEDIA = RESOURCES.media;
const USERS = RESOURCES.users;

/** Whether a request body is a binary upload rather than a JSON envelope. */
export function isBinaryUpload(contentType: string): boolean {
  return contentType !== 'application/json' && contentType !== 'application/x-json' && contentType !== '';
}

/** Monster UI uploads `data:<type>;base64,<bytes>` with `application/x-base64`. */
function decodeUpload(req: SandboxRequest): { contentType: string; data: Buffer } {
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

/** `GET …/media/{MEDIA_ID}/raw` and `POST …/media/{MEDIA_ID}[/raw]` with the audio bytes. */
export function mediaRaw(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const media = engine.docs.load(accountId, MEDIA, id);
  if (req.method === 'GET') {
    const file = engine.store.attachment(accountId, id, 'content');
    if (!file) throw badIdentifier(id);
    return { raw: { body: file.data, contentType: file.contentType }, headers: { 'content-disposition': `attachment; filename="${id}"` } };
  }
  const upload = decodeUpload(req);
  if (upload.data.length === 0) {
    throw validationError({ file: { required: { message: 'Please provide a media file' } } });
  }
  engine.store.putAttachment(accountId, id, 'content', upload.contentType, upload.data);
  const saved = engine.docs.save(MEDIA, media, {
    ...media.body,
    content_type: upload.contentType,
    content_length: upload.data.length,
    media_source: media.body.media_source ?? 'upload',
  });
  return docReply(MEDIA, saved);
}

/** `GET|POST|DELETE …/users/{USER_ID}/photo`. */
export function userPhoto(engine: Engine, req: SandboxRequest, accountId: string, id: string): Reply {
  const user = engine.docs.load(accountId, USERS, id);
  if (req.method === 'GET') {
    const photo = engine.store.attachment(accountId, id, 'photo');
    if (!photo) throw badIdentifier(id);
    return { raw: { body: photo.data, contentType: photo.contentType } };
  }
  if (req.method === 'DELETE') engine.store.deleteAttachment(accountId, id, 'photo');
  else {
    const upload = decodeUpload(req);
    engine.store.putAttachment(accountId, id, 'photo', upload.contentType, upload.data);
  }
  return docReply(USERS, user);
}
