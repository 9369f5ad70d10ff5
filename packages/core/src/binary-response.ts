/**
 * A binary (or CSV) response body that has not been read yet: read it once, as a stream, bytes,
 * a Blob or text. Nothing is buffered until asked, so large recordings and CSV exports stream.
 *
 * @example
 * ```ts
 * const audio = await audian.media.download(mediaId);
 * console.log(audio.contentType, audio.contentLength);
 * await fs.promises.writeFile('greeting.mp3', await audio.bytes());
 * ```
 */
export class BinaryResponse {
  /** HTTP status. */
  readonly status: number;
  /** `Content-Type` of the body. */
  readonly contentType: string | undefined;
  /** `Content-Length`, when the server sent it. */
  readonly contentLength: number | undefined;
  /** File name from `Content-Disposition`, when the server sent one. */
  readonly fileName: string | undefined;
  /** Request id (the `X-Request-ID` header). */
  readonly requestId: string | undefined;
  readonly #response: Response;

  constructor(response: Response) {
    this.#response = response;
    this.status = response.status;
    this.contentType = response.headers.get('content-type') ?? undefined;
    const length = response.headers.get('content-length');
    this.contentLength = length !== null && /^\d+$/.test(length) ? Number(length) : undefined;
    this.fileName = fileNameOf(response.headers.get('content-disposition'));
    this.requestId = response.headers.get('x-request-id') ?? undefined;
  }

  /** Whether the body was already read. */
  get bodyUsed(): boolean {
    return this.#response.bodyUsed;
  }

  /** The body as a web `ReadableStream` (in Node, `Readable.fromWeb(res.stream())` gives a Node stream). */
  stream(): ReadableStream<Uint8Array> {
    const body = this.#response.body;
    if (!body) return new ReadableStream({ start: (c) => c.close() });
    return body as ReadableStream<Uint8Array>;
  }

  /** The whole body as an ArrayBuffer. */
  arrayBuffer(): Promise<ArrayBuffer> {
    return this.#response.arrayBuffer();
  }

  /** The whole body as bytes. */
  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.#response.arrayBuffer());
  }

  /** The whole body as a Blob (typed with the response's content type). */
  blob(): Promise<Blob> {
    return this.#response.blob();
  }

  /** The whole body decoded as UTF-8 text (for CSV). */
  text(): Promise<string> {
    return this.#response.text();
  }

  /** Discards the body without reading it. */
  async cancel(): Promise<void> {
    await this.#response.body?.cancel().catch(() => undefined);
  }
}

function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      return star[1].trim();
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  return plain ? (plain[2] ?? plain[1])?.trim() : undefined;
}
