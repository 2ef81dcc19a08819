package io.stave.decoder.llama2c;

import io.stave.BadInputException;
import io.stave.decoder.model.LlamaConfig;
import io.stave.decoder.model.LlamaWeights;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.RopePairing;
import io.stave.decoder.model.Tensors;
import io.stave.decoder.tensor.GgmlType;
import io.stave.decoder.tensor.WeightMatrix;
import io.stave.decoder.tokenizer.Tokenizer;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Loads a llama2.c checkpoint, version 0, 1 or 2 (spec/decoder.md §7.1). Float32 tensors are used
 * in place from the mapping; version 2's int8 tensors are dequantised once (w = q·scale, groups
 * flat over each tensor) into off-heap float32 matrices.
 */
public final class Llama2cModelLoader {

    static final int MAGIC = 0x616B3432; // bytes "24ka" read as a little-endian u32
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private Llama2cModelLoader() {}

    /**
     * @param tokenizerPath the tokenizer {@code .bin}, or null to look beside the model for
     *                      {@code tok<V>.bin}, then {@code tokenizer.bin}
     */
    public static Model load(Path path, Path tokenizerPath) {
        return load(path, tokenizerPath, true);
    }

    /** @param dummyPrefix whether encoding prepends the dummy space (llama2.c's {@code " "} piece) */
    public static Model load(Path path, Path tokenizerPath, boolean dummyPrefix) {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment file;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                file = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            } catch (IOException e) {
                throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
            }
            Llama2cHeader h = header(path, file);
            LlamaWeights weights = h.version() == 2 ? new Int8Reader(path, file, h, arena).weights()
                    : floatWeights(path, file, h);
            LlamaConfig config = new LlamaConfig(h.dim(), h.hiddenDim(), h.layers(), h.heads(), h.kvHeads(),
                    h.vocabSize(), h.seqLen(), 1e-5f, h.headSize(), 10000.0, 1.0, RopePairing.ADJACENT);
            Path tokenizerFile = tokenizerPath != null ? tokenizerPath : findTokenizer(path, h.vocabSize());
            Tokenizer tokenizer = Llama2cTokenizerReader.read(tokenizerFile, h.vocabSize(), dummyPrefix);
            // llama2.c models are trained on BOS-delimited stories: emitting BOS ends the text.
            return new Model(path.toString(), "llama2.c v" + h.version(), config, weights, tokenizer,
                    Set.of(tokenizer.bos(), tokenizer.eos()), arena);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static Path findTokenizer(Path model, int vocabSize) {
        Path folder = model.toAbsolutePath().getParent();
        for (String name : List.of("tok" + vocabSize + ".bin", "tokenizer.bin")) {
            Path candidate = folder.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new BadInputException(model + ": tokenizer: expected tok" + vocabSize + ".bin or tokenizer.bin beside "
                + "the model, or llama2c:PATH,tokenizer=FILE");
    }

    static Llama2cHeader header(Path path, MemorySegment file) {
        long size = file.byteSize();
        if (size < 28) {
            throw new BadInputException(path + ": header: expected at least 28 bytes, the file has " + size + " (truncated)");
        }
        int first = file.get(I32, 0);
        if (first == GgufMagic.VALUE) {
            throw new BadInputException(path + ": magic: expected a llama2.c checkpoint, found a GGUF file (use gguf:PATH)");
        }
        Llama2cHeader h;
        if (first == MAGIC) {
            if (size < 256) {
                throw new BadInputException(path + ": header: expected 256 bytes, the file has " + size + " (truncated)");
            }
            int version = file.get(I32, 4);
            if (version != 1 && version != 2) {
                throw new BadInputException(path + ": version: expected 1 or 2, found " + version);
            }
            boolean shared = file.get(ValueLayout.JAVA_BYTE, 36) != 0;
            int groupSize = version == 2 ? file.get(I32, 37) : 0;
            h = config(path, file, 8, version, shared, groupSize, 256);
            if (version == 2 && (groupSize <= 0 || groupSize > 1 << 20)) {
                throw new BadInputException(path + ": group_size: expected a positive group size, found " + groupSize);
            }
        } else {
            int vocab = file.get(I32, 20);
            h = config(path, file, 0, 0, vocab > 0, 0, 28);
        }
        long expected = expectedSize(h);
        if (expected != size) {
            throw new BadInputException(path + ": size: expected " + expected + " bytes for a llama2.c v" + h.version()
                    + " checkpoint with " + describe(h) + ", found " + size
                    + (size < expected ? " (truncated)" : " (not a llama2.c checkpoint, or a different version)"));
        }
        return h;
    }

    private static Llama2cHeader config(Path path, MemorySegment file, long at, int version, boolean shared,
            int groupSize, int headerBytes) {
        String[] names = {"dim", "hidden_dim", "n_layers", "n_heads", "n_kv_heads", "vocab_size", "seq_len"};
        int[] v = new int[7];
        for (int i = 0; i < 7; i++) {
            v[i] = file.get(I32, at + 4L * i);
            int value = i == 5 ? Math.abs(v[i]) : v[i];
            if (value <= 0 || value > (1 << 24)) {
                throw new BadInputException(path + ": header " + names[i] + ": expected a positive size, found " + v[i]
                        + " (not a llama2.c checkpoint?)");
            }
        }
        if (v[0] % v[3] != 0 || v[3] % v[4] != 0) {
            throw new BadInputException(path + ": header n_heads: expected dim % n_heads == 0 and n_heads % n_kv_heads == 0,"
                    + " found dim " + v[0] + ", n_heads " + v[3] + ", n_kv_heads " + v[4]);
        }
        return new Llama2cHeader(version, v[0], v[1], v[2], v[3], v[4], Math.abs(v[5]), v[6], shared, groupSize,
                headerBytes);
    }

    private static String describe(Llama2cHeader h) {
        return "dim " + h.dim() + ", hidden_dim " + h.hiddenDim() + ", n_layers " + h.layers() + ", n_heads " + h.heads()
                + ", n_kv_heads " + h.kvHeads() + ", vocab_size " + h.vocabSize() + ", seq_len " + h.seqLen();
    }

    static long expectedSize(Llama2cHeader h) {
        long classifier = h.sharedClassifier() ? 0 : h.embeddingElements();
        long matrices = h.embeddingElements() + h.layerMatrixElements() + classifier;
        return switch (h.version()) {
            case 0 -> h.headerBytes() + 4 * (matrices + h.normElements() + (long) h.seqLen() * h.headSize());
            case 1 -> h.headerBytes() + 4 * (matrices + h.normElements());
            default -> {
                // Every quantised tensor: int8 values, then one float32 scale per group.
                long scales = 0;
                for (long n : Int8Reader.tensorSizes(h)) {
                    if (n % h.groupSize() != 0) {
                        yield -1;
                    }
                    scales += n / h.groupSize();
                }
                yield h.headerBytes() + 4 * h.normElements() + matrices + 4 * scales;
            }
        };
    }

    /** Versions 0 and 1: float32 tensors sliced from the mapping. */
    private static LlamaWeights floatWeights(Path path, MemorySegment file, Llama2cHeader h) {
        FloatCursor in = new FloatCursor(path, file, h.headerBytes());
        int dim = h.dim();
        int layers = h.layers();
        float[][] rmsAtt;
        float[][] rmsFfn;
        float[] rmsFinal;
        WeightMatrix embedding;
        if (h.version() == 0) {
            embedding = in.matrix("token_embedding_table", h.vocabSize(), dim);
            rmsAtt = in.vectors("rms_att_weight", layers, dim);
            rmsFfn = null;
            rmsFinal = null;
        } else {
            rmsAtt = in.vectors("rms_att_weight", layers, dim);
            rmsFfn = in.vectors("rms_ffn_weight", layers, dim);
            rmsFinal = in.vectors("rms_final_weight", 1, dim)[0];
            embedding = in.matrix("token_embedding_table", h.vocabSize(), dim);
        }
        WeightMatrix[] wq = in.matrices("wq", layers, dim, dim);
        WeightMatrix[] wk = in.matrices("wk", layers, h.kvDim(), dim);
        WeightMatrix[] wv = in.matrices("wv", layers, h.kvDim(), dim);
        WeightMatrix[] wo = in.matrices("wo", layers, dim, dim);
        if (h.version() == 0) {
            rmsFfn = in.vectors("rms_ffn_weight", layers, dim);
        }
        WeightMatrix[] w1 = in.matrices("w1", layers, h.hiddenDim(), dim);
        WeightMatrix[] w2 = in.matrices("w2", layers, dim, h.hiddenDim());
        WeightMatrix[] w3 = in.matrices("w3", layers, h.hiddenDim(), dim);
        if (h.version() == 0) {
            rmsFinal = in.vectors("rms_final_weight", 1, dim)[0];
            in.skip((long) h.seqLen() * h.headSize()); // legacy freq_cis_real and freq_cis_imag, unused
        }
        WeightMatrix classifier = h.sharedClassifier() ? embedding : in.matrix("wcls", h.vocabSize(), dim);
        List<LlamaWeights.Layer> list = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            list.add(new LlamaWeights.Layer(rmsAtt[l], wq[l], wk[l], wv[l], wo[l], rmsFfn[l], w1[l], w2[l], w3[l]));
        }
        return new LlamaWeights(embedding, List.copyOf(list), rmsFinal, classifier);
    }

    /** Walks float32 tensors in file order. */
    static final class FloatCursor {
        private final Path path;
        private final MemorySegment file;
        private long offset;

        FloatCursor(Path path, MemorySegment file, long offset) {
            this.path = path;
            this.file = file;
            this.offset = offset;
        }

        long offset() {
            return offset;
        }

        void skip(long floats) {
            offset += 4 * floats;
        }

        WeightMatrix matrix(String name, int rows, int cols) {
            MemorySegment data = file.asSlice(offset, 4L * rows * cols);
            offset += data.byteSize();
            return Tensors.matrix(path + ": " + name, GgmlType.F32, data, rows, cols);
        }

        WeightMatrix[] matrices(String name, int layers, int rows, int cols) {
            WeightMatrix[] out = new WeightMatrix[layers];
            for (int l = 0; l < layers; l++) {
                out[l] = matrix(name + "[" + l + "]", rows, cols);
            }
            return out;
        }

        float[][] vectors(String name, int count, int length) {
            float[][] out = new float[count][length];
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < length; j++) {
                    out[i][j] = file.get(F32, offset);
                    offset += 4;
                }
            }
            return out;
        }
    }

    /** The GGUF magic, to tell the user they picked the wrong reader. */
    private static final class GgufMagic {
        static final int VALUE = 0x46554747;
    }
}
