import { lookup } from 'mime-types';

/** The media type of an upload, from its file name; `undefined` when unknown. */
export function contentTypeOf(file: string): string | undefined {
  return lookup(file) || undefined;
}
