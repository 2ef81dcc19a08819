package io.stave.decoder.synth;

import io.stave.decoder.gguf.GgufWriter;
import io.stave.decoder.gguf.GgufValueType;
import io.stave.decoder.tensor.GgmlType;
import io.stave.decoder.tensor.Quantizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic Llama GGUF: every weight matrix normal with standard deviation 0.02 (so
 * activations stay of order one through the layers), every norm weight 1, all llama metadata keys
 * of spec/decoder.md §5.1, and a {@link SynthVocabulary}.
 *
 * <p>Deterministic: each tensor draws from its own generator, seeded from the model seed and the
 * tensor name. Rows are generated, quantised and streamed one at a time, so a 7B file never sits
 * in memory. A matrix whose row length is not a multiple of the type's block size (stories260k's
 * ffn_down rows of 172) is stored as F16, as llama.cpp's quantiser also falls back for such rows.
 */
public final class SynthModel {

    /** Standard deviation of the synthetic weights. */
    public static final double WEIGHT_STD = 0.02;

    private final SynthShape shape;
    private final GgmlType type;
    private final long seed;

    public SynthModel(SynthShape shape, GgmlType type, long seed) {
        if (!Quantizer.canQuantize(type)) {
            throw new IllegalArgumentException("cannot write synthetic weights as " + type);
        }
        this.shape = shape;
        this.type = type;
        this.seed = seed;
    }

    /** The GGUF {@code general.file_type} (llama.cpp's {@code llama_ftype}) for a weight type. */
    static int fileType(GgmlType type) {
        return switch (type) {
            case F32 -> 0;
            case F16 -> 1;
            case Q4_0 -> 2;
            case Q4_1 -> 3;
            case Q8_0 -> 7;
            case BF16 -> 32;
            default -> throw new IllegalArgumentException("no file type for " + type);
        };
    }

    /** The type a matrix with rows of {@code cols} elements is stored in. */
    GgmlType matrixType(long cols) {
        return cols % type.blockSize() == 0 ? type : GgmlType.F16;
    }

    public void write(Path out) throws IOException {
        GgufWriter writer = new GgufWriter();
        metadata(writer);
        int d = shape.dim();
        matrix(writer, "token_embd.weight", d, shape.vocab());
        for (int layer = 0; layer < shape.layers(); layer++) {
            String blk = "blk." + layer + ".";
            norm(writer, blk + "attn_norm.weight", d);
            matrix(writer, blk + "attn_q.weight", d, d);
            matrix(writer, blk + "attn_k.weight", d, shape.kvDim());
            matrix(writer, blk + "attn_v.weight", d, shape.kvDim());
            matrix(writer, blk + "attn_output.weight", d, d);
            norm(writer, blk + "ffn_norm.weight", d);
            matrix(writer, blk + "ffn_gate.weight", d, shape.hidden());
            matrix(writer, blk + "ffn_down.weight", shape.hidden(), d);
            matrix(writer, blk + "ffn_up.weight", d, shape.hidden());
        }
        norm(writer, "output_norm.weight", d);
        if (!shape.tiedOutput()) {
            matrix(writer, "output.weight", d, shape.vocab());
        }
        writer.write(out);
    }

    private void metadata(GgufWriter writer) {
        SynthVocabulary vocabulary = SynthVocabulary.of(shape.vocab());
        writer.putString("general.architecture", "llama")
                .putString("general.name", "stave synth " + shape.name() + " " + type.name().toLowerCase() + " seed " + seed)
                .putUint32("general.alignment", 32)
                .putUint32("general.file_type", fileType(type))
                .putUint32("general.quantization_version", 2)
                .putUint32("llama.vocab_size", shape.vocab())
                .putUint32("llama.context_length", shape.context())
                .putUint32("llama.embedding_length", shape.dim())
                .putUint32("llama.feed_forward_length", shape.hidden())
                .putUint32("llama.block_count", shape.layers())
                .putUint32("llama.attention.head_count", shape.heads())
                .putUint32("llama.attention.head_count_kv", shape.kvHeads())
                .putFloat32("llama.attention.layer_norm_rms_epsilon", shape.rmsEps())
                .putUint32("llama.rope.dimension_count", shape.headDim())
                .putFloat32("llama.rope.freq_base", shape.ropeBase())
                .putString("tokenizer.ggml.model", "llama")
                .putArray("tokenizer.ggml.tokens", GgufValueType.STRING, vocabulary.tokens())
                .putArray("tokenizer.ggml.scores", GgufValueType.FLOAT32, vocabulary.scores())
                .putArray("tokenizer.ggml.token_type", GgufValueType.INT32, vocabulary.types())
                .putUint32("tokenizer.ggml.bos_token_id", SynthVocabulary.BOS)
                .putUint32("tokenizer.ggml.eos_token_id", SynthVocabulary.EOS)
                .putUint32("tokenizer.ggml.unknown_token_id", SynthVocabulary.UNK)
                .putUint32("tokenizer.ggml.padding_token_id", SynthVocabulary.UNK)
                .putBool("tokenizer.ggml.add_bos_token", true)
                .putBool("tokenizer.ggml.add_eos_token", false)
                .putBool("tokenizer.ggml.add_space_prefix", true);
    }

    /** A norm weight vector of ones, always F32 (as llama.cpp keeps norms). */
    private static void norm(GgufWriter writer, String name, int n) {
        writer.addTensor(name, GgmlType.F32, new long[] {n}, out -> {
            ByteBuffer buffer = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                buffer.putFloat(1f);
            }
            out.write(buffer.array());
        });
    }

    /** A weight matrix with dims (cols, rows): rows of {@code cols} elements. */
    private void matrix(GgufWriter writer, String name, int cols, int rows) {
        GgmlType matrixType = matrixType(cols);
        writer.addTensor(name, matrixType, new long[] {cols, rows}, out -> streamRows(name, matrixType, cols, rows, out));
    }

    private void streamRows(String name, GgmlType matrixType, int cols, int rows, OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + name.hashCode());
        float[] row = new float[cols];
        ByteBuffer buffer = ByteBuffer.allocate((int) matrixType.bytesFor(cols)).order(ByteOrder.LITTLE_ENDIAN);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) (random.nextGaussian() * WEIGHT_STD);
            }
            buffer.clear();
            Quantizer.quantize(matrixType, row, 0, cols, buffer);
            out.write(buffer.array(), 0, buffer.position());
        }
    }
}
