package io.stave.eval.winrate;

import io.stave.BadInputException;
import io.stave.bench.py.PyFloat;
import io.stave.eval.Groups;
import io.stave.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ToolEval v1's win rate and leaderboard (§11.3, files §2.10): one preference per query (1 when the
 * candidate is preferred); per group {@code WinRate = mean}, {@code StdError = std(ddof 0)/sqrt(n)};
 * the overall figures pool the queries of all groups (not the mean of the group rates).
 */
public final class V1Leaderboard {

    /** Win rate and standard error over a set of preferences. */
    public record Rate(double winRate, double stdError, int queries) {

        /** From per-query preferences (0 reference, 1 candidate). */
        public static Rate of(List<Integer> preferences) {
            int n = preferences.size();
            if (n == 0) {
                return new Rate(0, 0, 0);
            }
            double mean = preferences.stream().mapToInt(Integer::intValue).sum() / (double) n;
            double variance = preferences.stream().mapToDouble(p -> (p - mean) * (p - mean)).sum() / n;
            return new Rate(mean, Math.sqrt(variance) / Math.sqrt(n), n);
        }
    }

    /** One method's row: the pooled rate and the rate of each group, in group order. */
    public record Row(String method, Rate overall, Map<String, Rate> groups) {
        public Row {
            groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        }
    }

    private V1Leaderboard() {}

    /** The per-query preferences of a group result: 1 where the candidate won its single sample. */
    public static List<Integer> preferences(GroupPreference group) {
        return group.queries().stream().map(q -> q.candidateWins() > q.referenceWins() ? 1 : 0).toList();
    }

    /** A method's row from its group results (keys in leaderboard column order). */
    public static Row row(String method, Map<String, List<Integer>> preferencesByGroup) {
        List<Integer> pooled = new ArrayList<>();
        Map<String, Rate> groups = new LinkedHashMap<>();
        preferencesByGroup.forEach((group, prefs) -> {
            pooled.addAll(prefs);
            groups.put(group, Rate.of(prefs));
        });
        return new Row(method, Rate.of(pooled), groups);
    }

    /**
     * The rows of every candidate with preference files {@code <group>_<reference>_<candidate>.json}
     * in {@code dir} (one sample per query, as {@code eval win-rate --rule v1 --out} writes them),
     * groups in §0.4 order, then the reference's own row (0.5 and 0 by definition, as published).
     */
    public static List<Row> fromPreferenceFiles(Path dir, String reference) {
        Map<String, Map<String, List<Integer>>> byCandidate = new TreeMap<>();
        List<String> groupsSeen = new ArrayList<>();
        for (String group : Groups.ALL) {
            String prefix = group + "_" + reference + "_";
            try (var files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.startsWith(prefix) && name.endsWith(".json")) {
                        String candidate = name.substring(prefix.length(), name.length() - ".json".length());
                        GroupPreference result = PreferenceFiles.readJson(file, group);
                        byCandidate.computeIfAbsent(candidate, c -> new LinkedHashMap<>()).put(group, preferences(result));
                        if (!groupsSeen.contains(group)) {
                            groupsSeen.add(group);
                        }
                    }
                }
            } catch (IOException e) {
                throw new BadInputException(dir + ": expected a folder of preference files (" + e.getMessage() + ")");
            }
        }
        if (byCandidate.isEmpty()) {
            throw new BadInputException(dir + ": expected preference files <group>_" + reference + "_<candidate>.json, found none");
        }
        List<Row> rows = new ArrayList<>();
        byCandidate.forEach((candidate, groups) -> rows.add(row(candidate, groups)));
        Map<String, Rate> half = new LinkedHashMap<>();
        groupsSeen.forEach(g -> half.put(g, new Rate(0.5, 0, 0)));
        rows.add(new Row(reference, new Rate(0.5, 0, 0), half));
        return rows;
    }

    /** {@code results/<evalset>/<method>/win.csv}: pandas' frame with its unnamed index column. */
    public static String winCsv(Row row) {
        return ",Method,Win Rate,Std Error\n0," + row.method() + "," + PyFloat.repr(row.overall().winRate()) + ","
                + PyFloat.repr(row.overall().stdError()) + "\n";
    }

    /**
     * {@code leaderboard###<evalset>###<evaluator>###<reference>.csv}: {@code Method,WinRate,StdError},
     * the groups' win rates, then their standard errors; rows by {@code WinRate} descending.
     */
    public static String leaderboardCsv(List<String> groupOrder, List<Row> rows) {
        StringBuilder out = new StringBuilder("Method,WinRate,StdError");
        groupOrder.forEach(g -> out.append(',').append(g).append("_WinRate"));
        groupOrder.forEach(g -> out.append(',').append(g).append("_StdError"));
        out.append('\n');
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingDouble((Row r) -> r.overall().winRate()).reversed());
        for (Row row : sorted) {
            out.append(row.method()).append(',').append(PyFloat.repr(row.overall().winRate()))
                    .append(',').append(PyFloat.repr(row.overall().stdError()));
            groupOrder.forEach(g -> out.append(',').append(cell(row, g, true)));
            groupOrder.forEach(g -> out.append(',').append(cell(row, g, false)));
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes a leaderboard file atomically. */
    public static void writeLeaderboard(Path file, List<String> groupOrder, List<Row> rows) {
        AtomicFiles.writeString(file, leaderboardCsv(groupOrder, rows));
    }

    /** Writes {@code win.csv} atomically. */
    public static void writeWinCsv(Path file, Row row) {
        AtomicFiles.writeString(file, winCsv(row));
    }

    private static String cell(Row row, String group, boolean winRate) {
        Rate rate = row.groups().get(group);
        return rate == null ? "" : PyFloat.repr(winRate ? rate.winRate() : rate.stdError());
    }
}
