import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * pglite-socket 0.2 multiplexes many client connections onto PGlite's one
 * session, one wire-protocol *message* at a time. Only an open transaction
 * pins the session to its connection, so two connections running extended-
 * protocol queries (Parse, Bind, Execute, Sync — what `pg` sends for every
 * parameterised query) interleave: one connection's Parse replaces the other's
 * unnamed statement, and the other fails with "bind message supplies 2
 * parameters, but prepared statement "" requires 3" or "portal "" does not
 * exist". A COPY (FROM STDIN) can be cut into the same way. It shows as soon as
 * a worker trains while the web app and the heartbeats query.
 *
 * The fix follows the protocol: a session belongs to one connection from its
 * first message until the server answers ReadyForQuery with status idle ('I').
 * That covers an extended-protocol exchange up to its Sync, a COPY up to its
 * CopyDone, and a transaction up to its COMMIT/ROLLBACK, in one rule.
 */

type QueueItem = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (err: unknown) => void;
  onData: (data: Uint8Array) => void;
};
type QueryQueue = {
  db: PGlite;
  queue: QueueItem[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearTransactionIfNeeded: (handlerId: number) => Promise<void>;
};

const READY_FOR_QUERY = 0x5a; // 'Z', length 5, then the transaction status byte
const IDLE = 0x49; // 'I'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/** Whether the server's answer so far ends with ReadyForQuery(idle). */
function endsIdle(tail: Uint8Array): boolean {
  const n = tail.length;
  return (
    n >= 6 &&
    tail[n - 6] === READY_FOR_QUERY &&
    tail[n - 5] === 0 &&
    tail[n - 4] === 0 &&
    tail[n - 3] === 0 &&
    tail[n - 2] === 5 &&
    tail[n - 1] === IDLE
  );
}

/** The last 6 bytes of `previous` followed by `chunk`. */
function keepTail(previous: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= 6) return chunk.slice(chunk.length - 6);
  const joined = new Uint8Array(previous.length + chunk.length);
  joined.set(previous);
  joined.set(chunk, previous.length);
  return joined.slice(Math.max(0, joined.length - 6));
}

/** Replaces the socket server's queue processing with the conversation-pinning one described above. */
export function pinWireConversations(server: PGLiteSocketServer): void {
  const q = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  // The connection whose conversation is in progress; null when the session is idle.
  let owner: number | null = null;

  async function run(item: QueueItem): Promise<void> {
    let tail: Uint8Array = new Uint8Array(0);
    let bytes = 0;
    try {
      await q.db.runExclusive(() =>
        q.db.execProtocolRawStream(item.message, {
          onRawData: (data) => {
            bytes += data.length;
            tail = keepTail(tail, data);
            item.onData(data);
          },
        }),
      );
    } catch (err) {
      owner = null;
      item.reject(err);
      return;
    }
    q.lastHandlerId = item.handlerId;
    owner = endsIdle(tail) ? null : item.handlerId;
    item.resolve(bytes);
  }

  q.processQueue = async () => {
    if (q.processing) return;
    q.processing = true;
    try {
      while (q.queue.length > 0) {
        const index = owner === null ? 0 : q.queue.findIndex((i) => i.handlerId === owner);
        // The owner's next message has not arrived yet; its enqueue runs us again.
        if (index === -1) break;
        await run(q.queue.splice(index, 1)[0]!);
      }
    } finally {
      q.processing = false;
    }
  };

  // A connection that goes away mid-conversation must not hold the session for
  // ever: end its exchange with a Sync (after an error the server ignores
  // everything until one) and roll back its transaction.
  q.clearTransactionIfNeeded = async (handlerId) => {
    if (owner !== handlerId) return;
    owner = null;
    await q.db.runExclusive(() => q.db.execProtocolRaw(SYNC));
    if (q.db.isInTransaction()) await q.db.exec("ROLLBACK");
    await q.processQueue();
  };
}
