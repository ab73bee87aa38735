import { Zip, ZipDeflate } from "fflate";

export interface ZipEntry {
  name: string;
  /** The file's content, produced as it is written: never held whole. */
  content: AsyncIterable<Uint8Array | string>;
}

/**
 * A ZIP archive (deflate) written as a stream: each entry's content is compressed as it comes and
 * the archive's bytes are yielded as soon as they exist, so memory stays bounded whatever the size.
 */
export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const encoder = new TextEncoder();
  function* drain() {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift()!;
  }
  for await (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    zip.add(file);
    for await (const piece of entry.content) {
      file.push(typeof piece === "string" ? encoder.encode(piece) : piece, false);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** An async iterable of bytes as a web stream (a route's Response body), pulled as the client reads. */
export function toWebStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
