package io.stave.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** Counts over the ledger records of a run, per group and in all; printed as the end-of-run table. */
public final class RunSummary {

    /** One row: units and what became of them. */
    public static final class Row {
        int units;
        int ok;
        int answered;
        int gaveUp;
        int infraErrors;
        int badInput;
        long llmCalls;
        long tokens;
        long toolErrors;

        void add(ObjectNode record) {
            units++;
            switch (record.path("status").asText()) {
                case Ledger.OK -> ok++;
                case Ledger.INFRA_ERROR -> infraErrors++;
                case Ledger.BAD_INPUT -> badInput++;
                default -> {}
            }
            if (record.path("answered").asBoolean()) {
                answered++;
            }
            if ("give_up".equals(record.path("finish_type").asText())) {
                gaveUp++;
            }
            llmCalls += record.path("llm_calls").asLong();
            tokens += record.path("total_tokens").asLong();
            toolErrors += record.path("tool_errors").asLong();
        }

        public int units() {
            return units;
        }

        public int answered() {
            return answered;
        }

        public int infraErrors() {
            return infraErrors;
        }

        public int badInput() {
            return badInput;
        }

        public long tokens() {
            return tokens;
        }

        public long toolErrors() {
            return toolErrors;
        }
    }

    private final Map<String, Row> groups = new TreeMap<>();
    private final Row total = new Row();

    public synchronized void add(ObjectNode record) {
        groups.computeIfAbsent(record.path("group").asText(), g -> new Row()).add(record);
        total.add(record);
    }

    public synchronized Row total() {
        return total;
    }

    public synchronized Map<String, Row> groups() {
        return Map.copyOf(groups);
    }

    /** A plain-text table, one line per group and a total line. */
    public synchronized String table() {
        StringBuilder out = new StringBuilder();
        String format = "%-16s %6s %6s %8s %7s %6s %6s %9s %10s %11s%n";
        out.append(String.format(format, "group", "units", "ok", "answered", "gave_up", "infra", "bad", "llm_calls",
                "tokens", "tool_errors"));
        groups.forEach((group, row) -> out.append(line(format, group, row)));
        out.append(line(format, "total", total));
        return out.toString();
    }

    private static String line(String format, String name, Row row) {
        return String.format(format, name, row.units, row.ok, row.answered, row.gaveUp, row.infraErrors, row.badInput,
                row.llmCalls, row.tokens, row.toolErrors);
    }
}
