package org.buddy4j.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.buddy4j.insights.unified.Job;
import org.buddy4j.insights.unified.JobConclusion;

/** The arithmetic behind {@link Insights} (definitions there); pure, no I/O. */
final class InsightsCalculator {
  private static final int MAX_DENSE_DAYS = 92;

  private InsightsCalculator() {}

  static Insights compute(InsightsScope scope, TimeWindow window, List<Job> jobs, Instant generatedAt) {
    List<Job> timeline = jobs.stream()
        .filter(j -> window.contains(j.startedAt()))
        .sorted(Comparator.comparing(Job::startedAt).thenComparing(Job::workflowId).thenComparing(Job::id))
        .collect(Collectors.toList());

    Outcomes outcomes = Outcomes.NONE;
    List<Duration> durations = new ArrayList<>();
    List<Duration> deployTimes = new ArrayList<>();
    List<Duration> queueTimes = new ArrayList<>();
    Map<String, Outcomes> perRef = new LinkedHashMap<>();
    TreeMap<LocalDate, Outcomes> perDay = new TreeMap<>();
    for (Job job : timeline) {
      outcomes = outcomes.plus(job);
      if (job.conclusion() == JobConclusion.PASSED || job.conclusion() == JobConclusion.FAILED) {
        job.duration().ifPresent(durations::add);
      }
      if (job.conclusion() == JobConclusion.PASSED) {
        job.duration().ifPresent(deployTimes::add);
      }
      job.queueTime().ifPresent(queueTimes::add);
      perRef.merge(job.ref(), Outcomes.NONE.plus(job), (a, b) -> a.plus(job));
      perDay.merge(day(job.startedAt()), Outcomes.NONE.plus(job), (a, b) -> a.plus(job));
    }

    List<Recovery> recoveries = recoveries(timeline);
    List<Duration> recoveryTimes = recoveries.stream().filter(Recovery::recovered)
        .map(Recovery::timeToRecover).collect(Collectors.toList());
    Duration mttr = recoveryTimes.isEmpty() ? null : DurationStats.of(recoveryTimes).mean();

    Map<String, Outcomes> perBranch = perRef.entrySet().stream()
        .sorted(Comparator.<Map.Entry<String, Outcomes>>comparingInt(e -> -e.getValue().total())
            .thenComparing(Map.Entry::getKey))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));

    return new Insights(scope, window, generatedAt, timeline, outcomes, DurationStats.of(durations),
        DurationStats.of(deployTimes), DurationStats.of(queueTimes), mttr, recoveries, perBranch,
        days(window, perDay), FourKeys.of(window, timeline));
  }

  /** Failed → next passed, per pipeline, in start order. */
  static List<Recovery> recoveries(List<Job> timeline) {
    Map<String, List<Job>> byPipeline = new LinkedHashMap<>();
    for (Job job : timeline) {
      byPipeline.computeIfAbsent(job.workspace() + "/" + job.repo() + "/" + job.workflowId(), k -> new ArrayList<>())
          .add(job);
    }
    List<Recovery> out = new ArrayList<>();
    for (List<Job> runs : byPipeline.values()) {
      Job open = null;
      for (Job job : runs) {
        if (job.finishedAt() == null) {
          continue;
        }
        if (job.conclusion() == JobConclusion.FAILED && open == null) {
          open = job;
        } else if (job.conclusion() == JobConclusion.PASSED && open != null) {
          out.add(new Recovery(open.workflowName(), open.workflowId(), open.id(), open.finishedAt(), job.id(),
              job.finishedAt(), Duration.between(open.finishedAt(), job.finishedAt())));
          open = null;
        }
      }
      if (open != null) {
        out.add(new Recovery(open.workflowName(), open.workflowId(), open.id(), open.finishedAt(), null, null, null));
      }
    }
    out.sort(Comparator.comparing(Recovery::failedAt));
    return out;
  }

  private static List<DayOutcomes> days(TimeWindow window, TreeMap<LocalDate, Outcomes> seen) {
    LocalDate first = day(window.from());
    LocalDate last = day(window.to().minusNanos(1));
    List<DayOutcomes> out = new ArrayList<>();
    if (first.plusDays(MAX_DENSE_DAYS).isAfter(last)) {
      for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
        out.add(new DayOutcomes(d, seen.getOrDefault(d, Outcomes.NONE)));
      }
    } else {
      seen.forEach((d, o) -> out.add(new DayOutcomes(d, o)));
    }
    return out;
  }

  static LocalDate day(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
