/**
 * The media type of an upload, from its file name; `undefined` when unknown. mime-types (and
 * its database) loads only when a file is actually uploaded: every other command starts faster.
 */
export async function contentTypeOf(file: string): Promise<string | undefined> {
  const { lookup } = await import('mime-types');
  return lookup(file) || undefined;
}
