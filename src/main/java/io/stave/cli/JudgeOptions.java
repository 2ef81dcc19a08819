package io.stave.cli;

import io.stave.BadInputException;
import io.stave.eval.judge.JudgeSpec;
import io.stave.eval.judge.OpenAiJudge;
import io.stave.eval.judge.ToolEvalTemplate;
import io.stave.eval.passrate.PassRateRule;
import io.stave.llm.Backends;
import io.stave.store.CacheMode;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The judge options shared by {@code eval pass-rate} and {@code eval win-rate}. */
final class JudgeOptions {

    @Option(names = "--judge", paramLabel = "SPEC",
            description = "openai:MODEL[@BASE_URL] (key from OPENAI_API_KEY; with --rule stable, EVAL_MODEL replaces MODEL),"
                    + " local:MODEL_SPEC (any model SPEC, e.g. toolllama:MODEL@BASE_URL, prompted in text)"
                    + " or recorded:DIR (labels of published result files).")
    String judge;

    @Option(names = "--api-style", paramLabel = "functions|tools",
            description = "How the function is forced: functions (ToolBench) or tools (StableToolBench). Default: by --rule.")
    String apiStyle;

    @Option(names = "--v1-evaluator", defaultValue = "normalized", paramLabel = "normalized|fn|gpt-4_fn",
            description = "ToolEval v1 evaluator for --rule v1 win rates (§11.2): normalized (the v1 leaderboard's),"
                    + " fn or gpt-4_fn (one choose_preference call). Default: ${DEFAULT-VALUE}.")
    String v1Evaluator;

    @Option(names = "--judge-cache", defaultValue = "caches/judge.sqlite", paramLabel = "FILE",
            description = "SQLite cache of judge calls. Default: ${DEFAULT-VALUE}.")
    Path cache;

    @Option(names = "--cache-mode", defaultValue = "rw", paramLabel = "rw|ro|off|refresh",
            description = "Judge cache use. Default: ${DEFAULT-VALUE}.")
    String cacheMode;

    @Option(names = "--threads", defaultValue = "8", description = "Concurrent evaluations. Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the coins and shuffles, derived per query and run. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** Opens the judge; with an output folder every decision is also logged to {@code judgements.jsonl} there. */
    JudgeSpec.Opened open(PassRateRule rule, Path out) {
        JudgeSpec.Opened opened = open(rule);
        return out == null ? opened : opened.withJudgementLog(out.resolve("judgements.jsonl"));
    }

    JudgeSpec.Opened open(PassRateRule rule) {
        if (judge == null) {
            throw new BadInputException("--judge: expected openai:MODEL[@BASE_URL], local:MODEL_SPEC or recorded:DIR for the "
                    + rule.cliName() + " rule");
        }
        OpenAiJudge.ApiStyle style = apiStyle == null
                ? (rule == PassRateRule.STABLE ? OpenAiJudge.ApiStyle.TOOLS : OpenAiJudge.ApiStyle.FUNCTIONS)
                : switch (apiStyle) {
                    case "functions" -> OpenAiJudge.ApiStyle.FUNCTIONS;
                    case "tools" -> OpenAiJudge.ApiStyle.TOOLS;
                    default -> throw new BadInputException("--api-style: expected functions or tools, found '" + apiStyle + "'");
                };
        // v1 win rates use the normalized v1 evaluator; StableToolBench honours EVAL_MODEL (§10)
        ToolEvalTemplate template = rule == PassRateRule.V1 ? ToolEvalTemplate.toolEvalV1(v1Evaluator) : ToolEvalTemplate.toolEvalV2();
        Map<String, String> env = System.getenv();
        return JudgeSpec.open(judge, style, cache, CacheMode.parse(cacheMode), env, template, rule == PassRateRule.STABLE,
                Backends.builder().environment(env::get).build());
    }
}
