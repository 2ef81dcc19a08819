package io.stave.cli;

import io.stave.decoder.ModelInfo;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.model.Model;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stave model info F}: architecture, hyperparameters, tensors and tokenizer of a model. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a model's architecture, hyperparameters, tensor types and sizes, and tokenizer.")
public final class ModelInfoCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The model: a path (recognised by content) or gguf:PATH, llama2c:PATH[,tokenizer=PATH], hf:DIR. */
    @Parameters(paramLabel = "MODEL", description = "Model file or spec: PATH, gguf:PATH, llama2c:PATH[,tokenizer=PATH], hf:DIR.")
    String model;

    @Override
    public Integer call() {
        try (Model loaded = ModelSpec.parse(model).load()) {
            spec.commandLine().getOut().print(ModelInfo.describe(loaded));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
