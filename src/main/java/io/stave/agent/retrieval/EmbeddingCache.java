package io.stave.agent.retrieval;

import io.stave.AtomicFiles;
import io.stave.Sha256;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Corpus embeddings on disk, one file per (model, corpus): {@code <dir>/<sha256(model id, corpus hash)>.emb}.
 *
 * <p>File layout (big-endian, as {@link DataOutputStream} writes):
 * <pre>
 * magic     8 bytes  "STAVEEMB"
 * version   int32    1
 * model     UTF      the embedder id (checked on read)
 * corpus    UTF      the corpus hash (checked on read)
 * count     int32    number of vectors
 * dimension int32    floats per vector
 * vectors   count × dimension float32, in corpus order
 * </pre>
 * Written to a temporary file in the same folder, then renamed, so a killed run leaves no half file.
 */
public final class EmbeddingCache {

    private static final byte[] MAGIC = "STAVEEMB".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private final Path dir;

    public EmbeddingCache(Path dir) {
        this.dir = dir;
    }

    /** {@code ~/.cache/stave/embeddings}. */
    public static EmbeddingCache defaultLocation() {
        return new EmbeddingCache(Path.of(System.getProperty("user.home"), ".cache", "stave", "embeddings"));
    }

    public Path dir() {
        return dir;
    }

    /** The file holding the vectors of this model and corpus. */
    public Path file(String modelId, String corpusHash) {
        return dir.resolve(Sha256.of(modelId + "\n" + corpusHash) + ".emb");
    }

    /** The cached vectors, or empty when absent, unreadable, or written for another model or corpus. */
    public Optional<List<float[]>> load(String modelId, String corpusHash, int count) {
        Path file = file(modelId, corpusHash);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC) || in.readInt() != VERSION
                    || !in.readUTF().equals(modelId) || !in.readUTF().equals(corpusHash) || in.readInt() != count) {
                return Optional.empty();
            }
            int dimension = in.readInt();
            List<float[]> vectors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                float[] v = new float[dimension];
                for (int j = 0; j < dimension; j++) {
                    v[j] = in.readFloat();
                }
                vectors.add(v);
            }
            return Optional.of(vectors);
        } catch (IOException e) {
            // A truncated or foreign file is a miss: the corpus is embedded again and the file replaced.
            return Optional.empty();
        }
    }

    public void store(String modelId, String corpusHash, List<float[]> vectors) {
        Path file = file(modelId, corpusHash);
        try {
            Files.createDirectories(dir);
            Path tmp = AtomicFiles.temporaryBeside(file);
            try {
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)))) {
                    out.write(MAGIC);
                    out.writeInt(VERSION);
                    out.writeUTF(modelId);
                    out.writeUTF(corpusHash);
                    out.writeInt(vectors.size());
                    out.writeInt(vectors.isEmpty() ? 0 : vectors.getFirst().length);
                    for (float[] v : vectors) {
                        for (float x : v) {
                            out.writeFloat(x);
                        }
                    }
                }
                AtomicFiles.move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing embedding cache " + file, e);
        }
    }
}
