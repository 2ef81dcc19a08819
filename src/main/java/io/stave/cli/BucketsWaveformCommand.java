package io.stave.cli;

import io.stave.BadInputException;
import io.stave.buckets.Envelope;
import io.stave.buckets.EnvelopeRule;
import io.stave.buckets.Extrema;
import io.stave.buckets.Presets;
import io.stave.buckets.Waveform;
import io.stave.experiments.WaveformFigure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stave buckets waveform}: f_B(m) at given distances, or each base's envelope peaks and
 * troughs over a window, and a plot of the curves (attention-buckets.md §2, §3.3, §3.4).
 */
@Command(name = "waveform", mixinStandardHelpOptions = true,
        description = "Print f_B(m) at distances (--at), or envelope peaks and troughs over a window; plot the curves.")
public final class BucketsWaveformCommand implements Callable<Integer> {

    @Option(names = "--bases", defaultValue = "toolbench-6", paramLabel = "PRESET|B1,B2,...",
            description = "A preset (${COMPLETION-CANDIDATES}) or comma-separated RoPE bases. Default: ${DEFAULT-VALUE}.",
            completionCandidates = PresetNames.class)
    String bases;

    @Option(names = "--head-dim", defaultValue = "128", description = "Head dimension d. Default: ${DEFAULT-VALUE}.")
    int headDim;

    @Option(names = "--pi-scale", defaultValue = "1", paramLabel = "R",
            description = "Positional interpolation ratio: the curve is f_B(m/R). Default: ${DEFAULT-VALUE}.")
    double piScale;

    @Option(names = "--at", split = ",", paramLabel = "M",
            description = "Print f_B(M) at these distances (comma-separated), e.g. 0,1,10,100,1000,1970.")
    List<Double> at;

    @Option(names = "--from", paramLabel = "A", description = "First distance of the window. Default: 1000.")
    Integer from;

    @Option(names = "--to", paramLabel = "B", description = "Last distance of the window, inclusive. Default: 4090.")
    Integer to;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw the curves over the window, peaks and troughs marked: FILE.png (XChart) or FILE.svg.")
    Path plot;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Double> baseList = Presets.parse(bases);
        int first = from == null ? 1000 : from;
        int last = to == null ? 4090 : to;
        if (last - first < 2) {
            throw new BadInputException("--from/--to: expected a window of at least 3 distances, got " + first + " … " + last);
        }
        List<Waveform> waveforms = new ArrayList<>();
        for (double base : baseList) {
            waveforms.add(new Waveform(base, headDim, piScale));
        }
        // Peaks and troughs unless only point values were asked for.
        boolean window = at == null || from != null || to != null;
        List<Extrema> extrema = new ArrayList<>();
        if (window) {
            for (Waveform waveform : waveforms) {
                extrema.add(Envelope.of(waveform, first, last, EnvelopeRule.SHIPPED));
            }
        }
        if (plot != null) {
            WaveformFigure.of(baseList, headDim, piScale, first, last).write(plot);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(baseList, waveforms, extrema, first, last));
        } else {
            printText(out, baseList, waveforms, extrema, first, last);
        }
        out.flush();
        return 0;
    }

    private void printText(PrintWriter out, List<Double> baseList, List<Waveform> waveforms,
            List<Extrema> extrema, int first, int last) {
        String scale = piScale == 1 ? "" : ", PI ratio " + Presets.format(piScale);
        if (at != null) {
            out.printf(Locale.ROOT, "f_B(m), head dim %d%s%n", headDim, scale);
            out.printf(Locale.ROOT, "%8s", "m");
            baseList.forEach(b -> out.printf(Locale.ROOT, " %11s", Presets.format(b)));
            out.println();
            for (double m : at) {
                out.printf(Locale.ROOT, "%8s", Presets.format(m));
                waveforms.forEach(w -> out.printf(Locale.ROOT, " %11.6f", w.valueAt(m)));
                out.println();
            }
        }
        if (!extrema.isEmpty()) {
            if (at != null) {
                out.println();
            }
            out.printf(Locale.ROOT, "Envelope peaks and troughs over m = %d … %d, head dim %d%s%n", first, last, headDim, scale);
            out.printf(Locale.ROOT, "%8s  %-40s  %s%n", "base", "peaks", "troughs");
            for (int j = 0; j < baseList.size(); j++) {
                out.printf(Locale.ROOT, "%8s  %-40s  %s%n", Presets.format(baseList.get(j)),
                        joined(extrema.get(j).peaks()), joined(extrema.get(j).troughs()));
            }
        }
        if (plot != null) {
            out.println("plot: " + plot);
        }
    }

    private String json(List<Double> baseList, List<Waveform> waveforms, List<Extrema> extrema, int first, int last)
            throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("headDim", headDim);
        root.put("piScale", piScale);
        root.put("bases", baseList);
        if (at != null) {
            List<Map<String, Object>> values = new ArrayList<>();
            for (double m : at) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("m", m);
                List<Double> f = waveforms.stream().map(w -> w.valueAt(m)).toList();
                row.put("f", f);
                values.add(row);
            }
            root.put("values", values);
        }
        if (!extrema.isEmpty()) {
            root.put("window", List.of(first, last));
            List<Map<String, Object>> perBase = new ArrayList<>();
            for (int j = 0; j < baseList.size(); j++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("base", baseList.get(j));
                row.put("peaks", extrema.get(j).peaks());
                row.put("troughs", extrema.get(j).troughs());
                perBase.add(row);
            }
            root.put("extrema", perBase);
        }
        if (plot != null) {
            root.put("plot", plot.toString());
        }
        return JsonOutput.pretty(root);
    }

    private static String joined(List<Integer> values) {
        return String.join(" ", values.stream().map(String::valueOf).toList());
    }

    /** The preset names, for --help. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Presets.names().iterator();
        }
    }
}
