package org.buddy4j.batch.journal;

/** A journal cannot be used for a resume (missing, not a journal, damaged, or for a changed file). */
public final class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JournalException(String message) {
    super(message);
  }
}
