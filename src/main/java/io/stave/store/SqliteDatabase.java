package io.stave.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One SQLite file, opened the way every stave cache is (harness.md §5): WAL journal, a 10 s busy
 * timeout, {@code synchronous=NORMAL}, exactly one writer thread per file and process, and any
 * number of concurrent readers.
 *
 * <p>Writes run as short transactions on the writer thread; {@link #write} returns only after
 * the transaction has committed, so a caller never sees a result that a crash could take back
 * (WAL with {@code synchronous=NORMAL} survives a killed process; only power loss may drop the
 * last commits). Opening the same file twice in one process shares one instance (reference
 * counted), so there is still one writer.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** Work done with a connection; may throw {@link SQLException}. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final Map<Path, SqliteDatabase> OPEN = new HashMap<>();

    private final Path file;
    private final String url;
    private final ExecutorService writer;
    private final Connection writeConnection;
    private final ConcurrentLinkedDeque<Connection> readers = new ConcurrentLinkedDeque<>();
    private int references;
    private volatile boolean closed;

    private SqliteDatabase(Path file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file;
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sqlite-writer-" + file.getFileName());
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.writeConnection = writer.submit(() -> {
                Connection connection = connect();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA journal_mode=WAL");
                }
                connection.setAutoCommit(false);
                return connection;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
            throw new IllegalStateException("interrupted while opening " + file, e);
        } catch (ExecutionException e) {
            writer.shutdownNow();
            throw new UncheckedIOException(new IOException("cannot open SQLite file " + file + ": "
                    + e.getCause().getMessage(), e.getCause()));
        }
    }

    /** Opens (or joins the already open) database at {@code file}, creating the file and its folder. */
    public static SqliteDatabase open(Path file) {
        Path key = file.toAbsolutePath().normalize();
        try {
            if (key.getParent() != null) {
                Files.createDirectories(key.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + key, e);
        }
        synchronized (OPEN) {
            SqliteDatabase database = OPEN.computeIfAbsent(key, SqliteDatabase::new);
            database.references++;
            return database;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Runs {@code work} in one transaction on the writer thread and returns its result once the
     * transaction has committed. An exception rolls the transaction back and is rethrown.
     */
    public <T> T write(SqlWork<T> work) {
        ensureOpen();
        Future<T> result = writer.submit(() -> {
            try {
                T value = work.apply(writeConnection);
                writeConnection.commit();
                return value;
            } catch (SQLException | RuntimeException e) {
                writeConnection.rollback();
                throw e;
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + file, e);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /** Runs {@code work} on a reader connection (autocommit, so each statement sees the latest commit). */
    public <T> T read(SqlWork<T> work) {
        ensureOpen();
        Connection connection = readers.pollFirst();
        try {
            if (connection == null) {
                connection = connect();
            }
            return work.apply(connection);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            if (connection != null) {
                readers.addFirst(connection);
            }
        }
    }

    /** Releases this handle; the last one closes the connections and stops the writer thread. */
    @Override
    public void close() {
        synchronized (OPEN) {
            if (closed || --references > 0) {
                return;
            }
            closed = true;
            OPEN.remove(file.toAbsolutePath().normalize());
        }
        writer.submit(() -> {
            writeConnection.close();
            return null;
        });
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection connection; (connection = readers.pollFirst()) != null; ) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing a reader cannot lose data; the file stays consistent.
            }
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout=10000");
            statement.execute("PRAGMA synchronous=NORMAL");
        }
        return connection;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("SQLite file " + file + " is closed");
        }
    }

    private RuntimeException failure(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new IllegalStateException("SQLite error on " + file + ": " + cause.getMessage(), cause);
    }
}
