package io.stave.llm.local;

import io.stave.Sha256;
import io.stave.BadInputException;
import io.stave.buckets.BucketMixer;
import io.stave.buckets.Presets;
import io.stave.decoder.ModelSpec;
import io.stave.decoder.model.LlamaConfig;
import io.stave.decoder.model.Model;
import io.stave.decoder.model.Session;
import io.stave.decoder.sampler.DefaultSampler;
import io.stave.decoder.tokenizer.Tokenizer;
import io.stave.llm.TextCompletion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ToolLLaMA in the in-process decoder, decoded as ToolBench does (toolbench.md §4.5.4,
 * attention-buckets.md §6.1): BOS + the prompt, left-truncated to its last
 * {@code context − max_new_tokens − 8} tokens; every bucket at positions p / r with its own base;
 * the buckets' logits mixed per token; temperature sampling (0.5) with a seed derived from the run
 * seed and the prompt, so a call is deterministic; stop at EOS ({@code </s>}), where an EOS as the
 * very first token is ignored ({@code force_generate}); the text decoded without special tokens,
 * cut at {@code </s>}, stripped.
 *
 * <p>Prompts go through a {@link PrefixCache}, so only tokens no kept session holds are prefilled.
 * {@link #stats()} and {@link #lastCall()} count prefilled and reused tokens; an episode's figures are
 * the difference of two {@link #stats()} snapshots. Calls are serialised: parallel episodes share one
 * decoder and its kept sessions.
 */
public final class LocalTextCompletion implements TextCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTextCompletion.class);
    private static final String STOP = "</s>";

    private final Model model;
    private final boolean ownsModel;
    private final LocalOptions options;
    private final double[] bases;
    private final double positionScale;
    private final int context;
    private final int maxPrompt;
    private final String id;
    private final PrefixCache<Session> cache;
    private ReuseStats total = ReuseStats.ZERO;
    private ReuseStats last = ReuseStats.ZERO;
    private Consumer<float[]> logitsObserver = logits -> {};

    /** Loads the model a local SPEC names (see {@link LocalOptions}); closing the completion closes it. */
    public static LocalTextCompletion open(String spec) {
        return open(spec, 0.5, 512);
    }

    /** As {@link #open(String)}, with the run's temperature and max new tokens where the SPEC names none. */
    public static LocalTextCompletion open(String spec, double temperature, int maxNewTokens) {
        LocalOptions options = LocalOptions.parse(spec, temperature, maxNewTokens);
        ModelSpec modelSpec = ModelSpec.parse(options.model());
        String hash = WeightsHash.of(modelSpec.path())
                + (modelSpec.tokenizer() == null ? "" : "+" + WeightsHash.of(modelSpec.tokenizer()));
        return new LocalTextCompletion(modelSpec.load(), true, hash, options);
    }

    /** Over a model the caller loaded and closes; {@code weightsSha256} goes into the id. */
    public static LocalTextCompletion of(Model model, String weightsSha256, LocalOptions options) {
        return new LocalTextCompletion(model, false, weightsSha256, options);
    }

    private LocalTextCompletion(Model model, boolean ownsModel, String weightsSha256, LocalOptions options) {
        this.model = model;
        this.ownsModel = ownsModel;
        this.options = options;
        LlamaConfig config = model.config();
        List<Double> bucketBases = options.bases() == null ? List.of(config.ropeBase()) : options.bases();
        this.bases = bucketBases.stream().mapToDouble(Double::doubleValue).toArray();
        this.positionScale = options.positionScale() == null ? config.ropeScale() : options.positionScale();
        long limit = (long) Math.floor(config.contextLength() * Math.max(1.0, positionScale));
        this.context = options.context() == null ? (int) limit : options.context();
        this.maxPrompt = context - options.maxNewTokens() - 8;
        if (maxPrompt < 1) {
            throw new BadInputException("--model " + model.source() + ": option context: expected more than"
                    + " max-new-tokens + 8 = " + (options.maxNewTokens() + 8) + " positions, got " + context);
        }
        if (context > limit) {
            throw new BadInputException("--model " + model.source() + ": option context: expected at most " + limit
                    + " positions (the model's " + config.contextLength() + " × pi-scale "
                    + Presets.format(positionScale) + "), got " + context);
        }
        this.id = "local:sha256=" + weightsSha256 + "," + String.join(",", options.describe(bucketBases, positionScale,
                context));
        long sessionBytes = (long) bases.length * config.layers() * 2 * config.kvHeads() * context * config.headSize()
                * options.kvType().bytes();
        int fit = (int) Math.max(1, Math.min(Integer.MAX_VALUE, options.kvMemoryBytes() / Math.max(1, sessionBytes)));
        this.cache = options.sessions() == 0 ? null : new PrefixCache<>(new SessionSlots(), Math.min(options.sessions(), fit));
    }

    @Override
    public synchronized Completion complete(String prompt) {
        Tokenizer tokenizer = model.tokenizer();
        int[] tokens = tokenizer.encode(prompt, true);
        if (tokens.length > maxPrompt) {
            tokens = Arrays.copyOfRange(tokens, tokens.length - maxPrompt, tokens.length); // keep the last ones
        }
        PrefixCache.Lease<Session> lease = cache == null
                ? new PrefixCache.Lease<>(newSession(), 0) : cache.acquire(tokens);
        Session session = lease.session();
        List<Integer> fed = new ArrayList<>();
        List<Integer> generated = new ArrayList<>();
        String text;
        try {
            session.prefill(Arrays.copyOfRange(tokens, lease.reused(), tokens.length));
            text = decode(session, seed(prompt), fed, generated);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        if (cache == null) {
            session.close();
        } else {
            int[] held = Arrays.copyOf(tokens, tokens.length + fed.size());
            for (int i = 0; i < fed.size(); i++) {
                held[tokens.length + i] = fed.get(i);
            }
            cache.release(session, held);
        }
        last = new ReuseStats(1, tokens.length, tokens.length - lease.reused(), lease.reused(), generated.size());
        total = total.plus(last);
        LOG.debug("local call: {} prompt tokens, {} prefilled, {} reused, {} generated", last.promptTokens(),
                last.prefilled(), last.reused(), last.generated());
        return new Completion(text, tokens.length, generated.size(), null);
    }

    /** Samples after the prompt's logits until a stop; {@code fed} gets the tokens appended to the session. */
    private String decode(Session session, long seed, List<Integer> fed, List<Integer> generated) {
        Tokenizer tokenizer = model.tokenizer();
        Set<Integer> stops = model.stopTokens();
        BucketMixer mixer = new BucketMixer(options.mix(), tokenizer.vocabSize(), false);
        DefaultSampler sampler = new DefaultSampler((float) options.temperature(), 0, 1f, seed);
        for (int step = 0; step < options.maxNewTokens(); step++) {
            float[] mixed = mixer.combine(session.logits());
            logitsObserver.accept(mixed.clone());
            int token = sampler.sample(mixed);
            if (stops.contains(token)) {
                if (step > 0) {
                    break;
                }
                // force_generate: an EOS as the first token is fed on, not obeyed, and never shown.
            } else {
                generated.add(token);
                if (text(generated).contains(STOP)) {
                    break;
                }
            }
            if (step == options.maxNewTokens() - 1 || session.position() >= session.maxContext()) {
                break;
            }
            session.append(token);
            fed.add(token);
        }
        String text = text(generated);
        int stop = text.indexOf(STOP);
        return (stop < 0 ? text : text.substring(0, stop)).strip();
    }

    private String text(List<Integer> ids) {
        return model.tokenizer().decode(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The call's sampling seed: the first 8 bytes of SHA-256(run seed, NUL, prompt). */
    private long seed(String prompt) {
        return Sha256.seed(options.seed(), prompt);
    }

    private Session newSession() {
        return model.newSession(bases, positionScale, context, options.kvType());
    }

    /** Sums over every call so far. */
    public synchronized ReuseStats stats() {
        return total;
    }

    /** The latest call's figures. */
    public synchronized ReuseStats lastCall() {
        return last;
    }

    /** Sessions kept for reuse now. */
    public synchronized int keptSessions() {
        return cache == null ? 0 : cache.size();
    }

    /** Receives a copy of every decision step's mixed logits (tests compare them across paths). */
    synchronized void observeLogits(Consumer<float[]> observer) {
        this.logitsObserver = observer;
    }

    public Model model() {
        return model;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void close() {
        if (cache != null) {
            cache.close();
        }
        if (ownsModel) {
            model.close();
        }
    }

    private final class SessionSlots implements PrefixCache.Slots<Session> {
        @Override
        public Session create() {
            return newSession();
        }

        @Override
        public Session copy(Session session) {
            return session.copy();
        }

        @Override
        public void truncate(Session session, int length) {
            session.truncate(length);
        }

        @Override
        public void close(Session session) {
            session.close();
        }
    }
}
