package io.stave.decoder.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool that splits the output rows of one matmul into disjoint contiguous slices, one per
 * thread; the calling thread takes the first slice. Nothing is allocated per call: the task is
 * published through fields and a per-worker ticket, and the workers spin briefly, then park.
 */
final class KernelPool {

    /**
     * Computes output rows {@code [start, end)} of {@code y = W·x} for {@code batch} activation
     * rows, on worker {@code worker} (0 = the caller), with the scalar or the vector kernels.
     */
    interface RowTask {
        void run(float[] x, float[] y, int batch, boolean scalar, int worker, int start, int end);
    }

    private static final int SPIN_LIMIT = 1 << 12;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();

    /** Bumped for each worker that takes part in a call; a worker runs when its ticket changes. */
    private final AtomicIntegerArray tickets;
    private volatile boolean running = true;
    private volatile Thread caller;
    private RowTask task;
    private float[] x;
    private float[] y;
    private int batch;
    private boolean scalar;
    private int rows;
    private int parts;
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
            task.run(x, y, batch, scalar, 0, 0, rows);
            return;
        }
        this.task = task;
        this.x = x;
        this.y = y;
        this.batch = batch;
        this.scalar = scalar;
        this.rows = rows;
        this.parts = n;
        this.failure = null;
        this.caller = Thread.currentThread();
        pending.set(n - 1);
        for (int worker = 1; worker < n; worker++) {
            tickets.incrementAndGet(worker);
            LockSupport.unpark(workers[worker - 1]);
        }
        try {
            task.run(x, y, batch, scalar, 0, 0, sliceEnd(0));
        } finally {
            awaitWorkers();
            this.task = null;
            this.x = null;
            this.y = null;
        }
        Throwable thrown = failure;
        if (thrown != null) {
            throw new IllegalStateException("matmul worker failed: " + thrown, thrown);
        }
    }

    synchronized void shutdown() {
        running = false;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }

    private int sliceEnd(int part) {
        return (int) ((long) rows * (part + 1) / parts);
    }

    private void awaitWorkers() {
        int spins = 0;
        while (pending.get() > 0) {
            if (spins++ < SPIN_LIMIT) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private void work(int worker) {
        int seen = 0;
        while (running) {
            int spins = 0;
            while (tickets.get(worker) == seen && running) {
                if (spins++ < SPIN_LIMIT) {
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
                task.run(x, y, batch, scalar, worker, sliceEnd(worker - 1), sliceEnd(worker));
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }
}
