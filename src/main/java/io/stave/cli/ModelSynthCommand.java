package io.stave.cli;

import io.stave.BadInputException;
import io.stave.decoder.synth.SynthModel;
import io.stave.decoder.synth.SynthShape;
import io.stave.decoder.tensor.GgmlType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stave model synth}: a GGUF with seeded random weights in a real architecture's shape. */
@Command(
        name = "synth",
        mixinStandardHelpOptions = true,
        description = "Write a synthetic Llama GGUF (random weights, synthetic SentencePiece vocabulary) for tests and benchmarks.")
public final class ModelSynthCommand implements Callable<Integer> {

    private static final String TYPES = "f32, f16, bf16, q8_0, q4_0, q4_1";

    @Option(names = "--shape", required = true, description = "Architecture: stories260k, tinyllama-1.1b or llama-2-7b.")
    String shape;

    @Option(names = "--type", required = true, description = "Weight type: " + TYPES + ".")
    String type;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}); the same seed writes the same file.")
    long seed;

    @Option(names = "--out", required = true, description = "The GGUF file to write (atomically).")
    Path out;

    @Override
    public Integer call() throws IOException {
        SynthShape synthShape = SynthShape.byName(shape).orElseThrow(() -> new BadInputException("--shape: expected one of "
                + SynthShape.ALL.stream().map(SynthShape::name).collect(Collectors.joining(", ")) + ", got " + shape));
        GgmlType weightType = parseType(type);
        long start = System.nanoTime();
        new SynthModel(synthShape, weightType, seed).write(out);
        System.out.printf(Locale.ROOT, "wrote %s: %s %s, seed %d, %,d bytes in %.1f s%n", out, synthShape.name(),
                type.toLowerCase(Locale.ROOT), seed, Files.size(out), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static GgmlType parseType(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "f32" -> GgmlType.F32;
            case "f16" -> GgmlType.F16;
            case "bf16" -> GgmlType.BF16;
            case "q8_0" -> GgmlType.Q8_0;
            case "q4_0" -> GgmlType.Q4_0;
            case "q4_1" -> GgmlType.Q4_1;
            default -> throw new BadInputException("--type: expected one of " + TYPES + ", got " + name);
        };
    }
}
