// Large public answers (the sitemap files, the research exports) are sent as
// they are read: a keyset walk hands over one batch of rows at a time, and the
// response stream asks for the next batch only once the previous one has been
// taken. A batch is the most that is ever held in memory, and a client that
// disconnects cancels the stream, which ends the walk: no query runs after.

export type KeysetWalk<Row, Key> = {
  /** Up to `take` rows strictly after `after` (null: from the start), in key order. */
  read: (after: Key | null, take: number) => Promise<Row[]>;
  keyOf: (row: Row) => Key;
  batchSize: number;
  /** Start strictly after this key (null: from the first row). */
  after?: Key | null;
  /** Stop after this many rows in all. */
  limit?: number;
};

/** The rows of a keyset walk, one batch at a time; a batch shorter than asked for is the last. */
export async function* keysetBatches<Row, Key>({ read, keyOf, batchSize, after = null, limit = Infinity }: KeysetWalk<Row, Key>): AsyncGenerator<Row[]> {
  let cursor = after;
  let remaining = limit;
  while (remaining > 0) {
    const take = Math.min(batchSize, remaining);
    const rows = await read(cursor, take);
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1);
    if (rows.length < take || last === undefined) return;
    cursor = keyOf(last);
    remaining -= rows.length;
  }
}

export type BatchStream<Batch> = {
  /** Written before the first batch (an XML declaration, a CSV header). */
  head?: string;
  batches: AsyncIterable<Batch>;
  serialize: (batch: Batch) => string;
  /** Written after the last batch. */
  tail?: string;
};

const encoder = new TextEncoder();

/**
 * A UTF-8 byte stream of serialized batches, pulled on demand: the default
 * queuing strategy holds one chunk, so at most one batch is read ahead of
 * what the client has received.
 */
export function streamBatches<Batch>({ head, batches, serialize, tail }: BatchStream<Batch>): ReadableStream<Uint8Array> {
  const iterator = batches[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (head) controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (tail) controller.enqueue(encoder.encode(tail));
        controller.close();
        return;
      }
      const text = serialize(next.value);
      if (text) controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      // Ends the generator at its current yield: the walk reads nothing more.
      await iterator.return?.(undefined);
    },
  });
}

/** Several sources of batches, one after the other (the sections of a sitemap). */
export async function* concatBatches<Batch>(sources: Iterable<() => AsyncIterable<Batch>>): AsyncGenerator<Batch> {
  for (const source of sources) yield* source();
}
