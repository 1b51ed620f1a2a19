package org.buddy4j.batch.journal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One runner per journal: an exclusive OS file lock ({@link FileChannel#tryLock()}) on a sibling
 * {@code <journal>.lock} file, taken before the journal is created or read back and held until the
 * runner ends. The OS drops it when the process dies, even by {@code kill -9}, so a resume after a crash
 * always gets it. The lock lives on a file of its own because POSIX locks are released when any other
 * descriptor of the same file is closed, and the journal is opened and closed to be read.
 */
public final class JournalLock implements Closeable {
  private final FileChannel channel;
  private final FileLock lock;

  private JournalLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of {@code journal}. */
  public static Path lockFile(Path journal) {
    return journal.resolveSibling(journal.getFileName() + ".lock");
  }

  /**
   * Takes the lock at once or fails.
   *
   * @throws JournalException another runner (process, or another batch in this JVM) holds it
   */
  public static JournalLock acquire(Path journal) {
    Path file = lockFile(journal);
    FileChannel ch = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException inThisJvm) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new JournalException("journal " + journal + " is in use: another buddy batch runner holds its lock ("
            + file + "). Let it finish or stop it, then resume with: buddy batch --resume " + journal);
      }
      return new JournalLock(ch, lock);
    } catch (IOException e) {
      closeQuietly(ch);
      throw new UncheckedIOException("cannot lock journal " + journal + " (" + file + ")", e);
    }
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // already failing
      }
    }
  }

  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the journal lock", e);
    }
  }
}
