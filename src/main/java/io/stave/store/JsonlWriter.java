package io.stave.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append-only JSONL log of harness.md §3 ({@code ledger.jsonl}, {@code judgements.jsonl}):
 * one JSON object per line, {@code \n} terminated, written and forced to disk one line at a time,
 * by one writer at a time.
 *
 * <p>A process killed mid-line leaves a torn last line; opening the log for appending cuts that
 * fragment off, so the next record starts on a line of its own.
 */
public final class JsonlWriter implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final FileChannel channel;

    private JsonlWriter(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    public static JsonlWriter open(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            channel.truncate(endOfLastCompleteLine(channel));
            channel.position(channel.size());
            return new JsonlWriter(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for appending", e);
        }
    }

    /** Appends {@code record} (anything Jackson can write as a JSON object) as one line and forces it to disk. */
    public synchronized void append(Object record) {
        String line;
        try {
            line = MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a JSONL record must be one line");
        }
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file, e);
        }
    }

    private static long endOfLastCompleteLine(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer one = ByteBuffer.allocate(1);
        for (long position = size - 1; position >= 0; position--) {
            one.clear();
            channel.read(one, position);
            if (one.get(0) == '\n') {
                return position + 1;
            }
        }
        return 0;
    }
}
