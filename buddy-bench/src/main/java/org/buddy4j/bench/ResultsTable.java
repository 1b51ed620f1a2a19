package org.buddy4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file ({@code -rf json}) into the Markdown tables of buddy-bench's README:
 * per benchmark class (and parameter value), each method's score with its 99.9% error, allocation per
 * operation ({@code -prof gc}), and its time per operation divided by the reference's, measured in the
 * same run. The reference is {@code sdk} in the serialization benchmarks and {@code rawHttpClient} in
 * {@link ClientOverhead}.
 *
 * <pre>java -cp buddy-bench/target/benchmarks.jar org.buddy4j.bench.ResultsTable target/jmh.json</pre>
 */
public final class ResultsTable {
  private ResultsTable() {}

  record Row(String method, String params, String mode, double score, double error, String unit, Double alloc) {
    /** Time per operation, in arbitrary but consistent units (throughput is inverted). */
    double time() {
      return mode.equals("thrpt") ? 1 / score : score;
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultsTable <jmh-result.json>");
      System.exit(2);
    }
    System.out.print(render(new ObjectMapper().readTree(new File(args[0]))));
  }

  static String render(JsonNode results) {
    Map<String, List<Row>> groups = new LinkedHashMap<>();
    for (JsonNode r : results) {
      String full = r.path("benchmark").asText();
      int dot = full.lastIndexOf('.');
      String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
      String method = full.substring(dot + 1);
      List<String> ps = new ArrayList<>();
      r.path("params").fields().forEachRemaining(e -> ps.add(e.getKey() + "=" + e.getValue().asText()));
      String params = String.join(", ", ps);
      JsonNode pm = r.path("primaryMetric");
      JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm");
      Row row = new Row(method, params, r.path("mode").asText(), pm.path("score").asDouble(),
          pm.path("scoreError").asDouble(Double.NaN), pm.path("scoreUnit").asText(),
          alloc.isMissingNode() ? null : alloc.path("score").asDouble());
      groups.computeIfAbsent(cls + (params.isEmpty() ? "" : " (" + params + ")"), k -> new ArrayList<>()).add(row);
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<Row>> g : groups.entrySet()) {
      List<Row> rows = g.getValue();
      Row ref = rows.stream().filter(r -> r.method().equals("sdk")).findFirst()
          .orElse(rows.stream().filter(r -> r.method().equals("rawHttpClient")).findFirst().orElse(null));
      out.append("\n**").append(g.getKey()).append("**");
      if (ref != null) {
        out.append(" (time ÷ `").append(ref.method()).append("`)");
      }
      out.append("\n\n| method | score ± 99.9% error | alloc B/op | time ÷ ref |\n|---|---:|---:|---:|\n");
      for (Row r : rows) {
        String ratio = "";
        if (ref != null) {
          double q = r.time() / ref.time();
          double rel = Math.hypot(relError(r), relError(ref));
          ratio = r == ref ? "1.00" : ratio(q) + " ± " + ratio(q * rel);
        }
        out.append("| ").append(r.method()).append(" | ").append(num(r.score())).append(" ± ")
            .append(num(r.error())).append(' ').append(r.unit()).append(" | ")
            .append(r.alloc() == null ? "–" : String.format(Locale.ROOT, "%,.0f", r.alloc())).append(" | ")
            .append(ratio).append(" |\n");
      }
    }
    return out.toString();
  }

  private static double relError(Row r) {
    return Double.isNaN(r.error()) ? 0 : r.error() / r.score();
  }

  private static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    double abs = Math.abs(v);
    int decimals = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  private static String ratio(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

}
