package org.buddy4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Usage errors about the files a command is given, said as they are: missing, a directory, under a file. */
final class InputFiles {
  private InputFiles() {}

  /** {@code file} must be a readable regular file. */
  static void requireFile(Path file, String what) {
    if (Files.isDirectory(file)) {
      throw new UsageException(file + ": is a directory; give the " + what + " file itself");
    }
    if (!Files.exists(file)) {
      throw new UsageException(file + ": no such file");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UsageException(file + ": cannot be read as a " + what + " file");
    }
  }

  /** {@code file} is to be created: not a directory, and no part of the path above it a regular file. */
  static void requireCreatable(Path file, String option) {
    if (Files.isDirectory(file)) {
      throw new UsageException(option + ": " + file + " is a directory; give a file name");
    }
    for (Path p = file.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new UsageException(option + ": " + file + " cannot be created: " + p + " is a file, not a directory");
      }
    }
  }
}
