package org.buddy4j.insights;

import java.time.LocalDate;

/** The outcomes of the runs that started on one day (UTC). */
public record DayOutcomes(LocalDate day, Outcomes outcomes) {}
