package io.stave.decoder;

import io.stave.BadInputException;
import io.stave.decoder.gguf.GgufModelLoader;
import io.stave.decoder.llama2c.Llama2cModelLoader;
import io.stave.decoder.model.Model;
import io.stave.decoder.safetensors.HfModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local model named on the command line (design.md): {@code gguf:PATH},
 * {@code llama2c:PATH[,tokenizer=PATH][,dummy_prefix=false]} or {@code hf:DIR}. A bare path is recognised by its
 * content: a folder is {@code hf}, a file starting with "GGUF" is {@code gguf}, anything else
 * {@code llama2c}.
 *
 * @param tokenizer   the llama2.c tokenizer file, or null
 * @param dummyPrefix whether a llama2.c tokenizer prepends the dummy space (some llama2.c models are
 *                    trained without it)
 */
public record ModelSpec(Kind kind, Path path, Path tokenizer, boolean dummyPrefix) {

    public enum Kind { GGUF, LLAMA2C, HF }

    public static ModelSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("model spec: expected gguf:PATH, llama2c:PATH[,tokenizer=PATH] or hf:DIR, got nothing");
        }
        int colon = spec.indexOf(':');
        String scheme = colon > 0 ? spec.substring(0, colon) : "";
        String rest = colon > 0 ? spec.substring(colon + 1) : spec;
        return switch (scheme) {
            case "gguf" -> new ModelSpec(Kind.GGUF, path(spec, rest), null, true);
            case "hf" -> new ModelSpec(Kind.HF, path(spec, rest), null, true);
            case "llama2c" -> llama2c(spec, rest);
            case "openai", "replay" -> throw new BadInputException("model spec " + spec
                    + ": expected a local decoder model (gguf:, llama2c:, hf:), found " + scheme + ":");
            default -> detect(spec);
        };
    }

    private static ModelSpec llama2c(String spec, String rest) {
        String[] parts = rest.split(",");
        Path tokenizer = null;
        boolean dummyPrefix = true;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].startsWith("tokenizer=")) {
                tokenizer = path(spec, parts[i].substring("tokenizer=".length()));
            } else if (parts[i].equals("dummy_prefix=false") || parts[i].equals("dummy_prefix=true")) {
                dummyPrefix = parts[i].endsWith("true");
            } else {
                throw new BadInputException("model spec " + spec + ": option " + parts[i]
                        + ": expected tokenizer=PATH or dummy_prefix=true|false");
            }
        }
        return new ModelSpec(Kind.LLAMA2C, path(spec, parts[0]), tokenizer, dummyPrefix);
    }

    private static Path path(String spec, String text) {
        if (text.isBlank()) {
            throw new BadInputException("model spec " + spec + ": expected a path after the colon");
        }
        Path path = Path.of(text);
        if (!Files.exists(path)) {
            throw new BadInputException("model spec " + spec + ": " + path + ": expected an existing file or folder");
        }
        return path;
    }

    private static ModelSpec detect(String spec) {
        Path path = path(spec, spec);
        if (Files.isDirectory(path)) {
            return new ModelSpec(Kind.HF, path, null, true);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(4);
            boolean gguf = head.length == 4 && ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0x46554747;
            return new ModelSpec(gguf ? Kind.GGUF : Kind.LLAMA2C, path, null, true);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads the model; close it when done. */
    public Model load() {
        return switch (kind) {
            case GGUF -> GgufModelLoader.load(path);
            case LLAMA2C -> Llama2cModelLoader.load(path, tokenizer, dummyPrefix);
            case HF -> HfModelLoader.load(path);
        };
    }
}
