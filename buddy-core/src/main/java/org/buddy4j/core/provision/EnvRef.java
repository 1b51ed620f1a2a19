package org.buddy4j.core.provision;

import java.util.Objects;

/**
 * A secret an export could not (and must not) write: a reference to the environment variable that will
 * hold it, written as {@code env("DEPLOY_KEY")} in an exported script.
 *
 * @param name the environment variable's name
 */
public record EnvRef(String name) {
  public EnvRef {
    Objects.requireNonNull(name, "name");
  }
}
