package org.buddy4j.cli;

/** How a command prints what Buddy returned. */
public enum OutputFormat {
  /** Aligned columns for people. */
  TEXT,
  /** One JSON document (an array for lists). */
  JSON,
  /** One JSON object per line (for jq and scripts). */
  JSONL
}
