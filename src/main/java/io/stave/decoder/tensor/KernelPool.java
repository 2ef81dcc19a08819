package io.stave.decoder.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool that splits the output rows of one matmul (or the items of a {@link RangeTask})
 * into disjoint contiguous chunks, a few per thread, which the calling thread and the workers take
 * in turn from a shared cursor: on a machine shared with other work, a thread that gets less of its
 * core takes fewer chunks instead of holding up the call. Which thread computes a row does not
 * change its bits. Nothing is allocated per call: the task is published through fields and a
 * per-worker ticket. Between calls the workers spin for {@link #SPIN_NANOS}, long enough to bridge
 * the short scalar steps between the matmuls of a forward pass (a parked worker takes tens of
 * microseconds to wake, 150 times a token), then park.
 */
final class KernelPool {

    /**
     * Computes output rows {@code [start, end)} of {@code y = W·x} for {@code batch} activation
     * rows, with the scalar or the vector kernels. All chunks of one call get the same
     * {@code call} number, and no other call of any pool gets it, so a thread can prepare x once
     * per call.
     */
    interface RowTask {
        void run(float[] x, float[] y, int batch, boolean scalar, long call, int start, int end);
    }

    /** Numbers the matmul calls of every pool (see {@link RowTask}). */
    private static final AtomicLong CALLS = new AtomicLong();
    /** How long an idle thread spins before it parks. */
    private static final long SPIN_NANOS = 300_000;
    /** Chunks per thread and call: enough to even out a busy core, few enough to stay cheap. */
    private static final int CHUNKS_PER_THREAD = 4;
    /** Each chunk has at least this many output rows. */
    private static final int MIN_CHUNK_ROWS = 16;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    /** The first output row no thread has taken yet. */
    private final AtomicInteger cursor = new AtomicInteger();

    /** Bumped for each worker that takes part in a call; a worker runs when its ticket changes. */
    private final AtomicIntegerArray tickets;
    private volatile boolean running = true;
    private volatile Thread caller;
    private RowTask task;
    private RangeTask range;
    private long call;
    private float[] x;
    private float[] y;
    private int batch;
    private boolean scalar;
    /** Output rows of the matmul, or items of the range task, being handed out. */
    private int items;
    private int chunk;
    private volatile Throwable failure;

    KernelPool(int threads) {
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        this.tickets = new AtomicIntegerArray(threads);
        for (int i = 0; i < workers.length; i++) {
            int worker = i + 1;
            workers[i] = Thread.ofPlatform().daemon().name("stave-kernel-" + worker).start(() -> work(worker));
        }
    }

    int threads() {
        return threads;
    }

    /** Runs {@code task} over {@code rows} output rows split into at most {@code maxParts} slices. */
    synchronized void run(RowTask task, float[] x, float[] y, int batch, boolean scalar, int rows, int maxParts) {
        // After a shutdown (Kernels.setThreads replaced this pool) the caller does all the work.
        int n = running ? Math.max(1, Math.min(Math.min(threads, maxParts), rows)) : 1;
        if (n == 1) {
            task.run(x, y, batch, scalar, CALLS.incrementAndGet(), 0, rows);
            return;
        }
        this.task = task;
        this.call = CALLS.incrementAndGet();
        this.x = x;
        this.y = y;
        this.batch = batch;
        this.scalar = scalar;
        dispatch(n, rows, MIN_CHUNK_ROWS);
    }

    /** Runs {@code task} over items {@code [0, items)} in chunks of at least {@code minChunk}. */
    synchronized void run(RangeTask task, int items, int minChunk) {
        int n = running ? Math.max(1, Math.min(threads, items / Math.max(1, minChunk))) : 1;
        if (n == 1) {
            task.run(0, items);
            return;
        }
        this.range = task;
        dispatch(n, items, minChunk);
    }

    /**
     * Hands the published task's {@code items} to {@code n − 1} workers and the caller in chunks of
     * at least {@code minChunk}, takes chunks itself, and waits for the workers.
     */
    private void dispatch(int n, int items, int minChunk) {
        this.items = items;
        this.chunk = Math.max(minChunk, (items + n * CHUNKS_PER_THREAD - 1) / (n * CHUNKS_PER_THREAD));
        cursor.set(0);
        this.failure = null;
        this.caller = Thread.currentThread();
        pending.set(n - 1);
        for (int worker = 1; worker < n; worker++) {
            tickets.incrementAndGet(worker);
            LockSupport.unpark(workers[worker - 1]);
        }
        try {
            runChunks();
        } finally {
            awaitWorkers();
            this.task = null;
            this.range = null;
            this.x = null;
            this.y = null;
        }
        Throwable thrown = failure;
        if (thrown != null) {
            throw new IllegalStateException("kernel worker failed: " + thrown, thrown);
        }
    }

    synchronized void shutdown() {
        running = false;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }

    /** Takes chunks of output rows (or items) from the cursor until none is left. */
    private void runChunks() {
        RangeTask rangeTask = range;
        for (int start = cursor.getAndAdd(chunk); start < items; start = cursor.getAndAdd(chunk)) {
            int end = Math.min(items, start + chunk);
            if (rangeTask != null) {
                rangeTask.run(start, end);
            } else {
                task.run(x, y, batch, scalar, call, start, end);
            }
        }
    }

    private void awaitWorkers() {
        long deadline = System.nanoTime() + SPIN_NANOS;
        while (pending.get() > 0) {
            if (System.nanoTime() < deadline) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void work(int worker) {
        int seen = 0;
        while (running) {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (tickets.get(worker) == seen && running) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (tickets.get(worker) == seen) {
                return; // shut down with no task pending; a task handed over before shutdown still runs
            }
            seen = tickets.get(worker);
            try {
                runChunks();
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }
}
