package org.buddy4j.core.rollback;

import org.buddy4j.core.errors.BuddyException;

/** There is nothing to roll back to: no successful run of another revision before the current one. */
public class NoRollbackTargetException extends BuddyException {
  private static final long serialVersionUID = 1L;

  public NoRollbackTargetException(String message) {
    super(message);
  }
}
