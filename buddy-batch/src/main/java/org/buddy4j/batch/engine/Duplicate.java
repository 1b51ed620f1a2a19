package org.buddy4j.batch.engine;

/**
 * A second execution found carrying a run's marker (an in-doubt start applied late after the run was
 * sent again): {@code executionId} next to the kept {@code keptId}, cancelled or (already over, or the
 * cancel failed) not.
 */
public record Duplicate(String key, String marker, int executionId, int keptId, boolean cancelled, String status,
                        String message) {}
