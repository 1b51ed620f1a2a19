package org.buddy4j.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A project's repository in memory: commits (each a snapshot of the files, path to base64 content), branch
 * heads and tags. It starts with one commit holding a README that every seed branch points at; adding,
 * changing or deleting a file makes a commit on a branch.
 */
final class RepositoryRecord {
  /** One commit: its parent (null for the first), message, author and the files it holds. */
  static final class Commit {
    final String revision;
    final String parent;
    final String message;
    final Instant date;
    final int authorId;
    final Map<String, String> files;

    Commit(String revision, String parent, String message, Instant date, int authorId, Map<String, String> files) {
      this.revision = revision;
      this.parent = parent;
      this.message = message;
      this.date = date;
      this.authorId = authorId;
      this.files = files;
    }
  }

  /** A tag: the commit it points at and its message. */
  static final class Tag {
    final String revision;
    final String message;

    Tag(String revision, String message) {
      this.revision = revision;
      this.message = message;
    }
  }

  private final ProjectRecord project;
  final Map<String, Commit> commits = new LinkedHashMap<>();
  final Map<String, String> heads = new LinkedHashMap<>();
  final Map<String, Tag> tags = new LinkedHashMap<>();

  RepositoryRecord(ProjectRecord project, Instant created, int authorId, String readme) {
    this.project = project;
    Map<String, String> files = new TreeMap<>();
    files.put("README.md", readme);
    Commit first = commit(null, "Initial commit", created, authorId, files);
    project.branches.forEach(b -> heads.put(b, first.revision));
  }

  private Commit commit(String parent, String message, Instant date, int authorId, Map<String, String> files) {
    String revision = EmulatorState.revisionOf(project, "commit#" + commits.size());
    Commit c = new Commit(revision, parent, message, date, authorId, files);
    commits.put(revision, c);
    return c;
  }

  /** A branch, a tag, {@code HEAD} (the default branch) or a commit SHA (full or its first 7+ digits); null if none. */
  Commit resolve(String revision) {
    if (revision == null || "HEAD".equals(revision)) {
      return commits.get(heads.get(project.defaultBranch));
    }
    if (heads.containsKey(revision)) {
      return commits.get(heads.get(revision));
    }
    if (tags.containsKey(revision)) {
      return commits.get(tags.get(revision).revision);
    }
    if (revision.length() >= 7) {
      for (Commit c : commits.values()) {
        if (c.revision.startsWith(revision)) {
          return c;
        }
      }
    }
    return null;
  }

  Commit resolveOrThrow(String revision) {
    Commit c = resolve(revision);
    if (c == null) {
      throw ApiError.notFound("Revision '" + revision + "' not found in project '" + project.name + "'");
    }
    return c;
  }

  /** Makes a commit on {@code branch} with the file at {@code path} set (content non-null) or removed. */
  Commit change(String branch, String path, String content, String message, Instant date, int authorId) {
    String head = heads.get(branch);
    if (head == null) {
      throw ApiError.notFound("Branch '" + branch + "' not found in project '" + project.name + "'");
    }
    Map<String, String> files = new TreeMap<>(commits.get(head).files);
    if (content == null) {
      files.remove(path);
    } else {
      files.put(path, content);
    }
    Commit c = commit(head, message, date, authorId, files);
    heads.put(branch, c.revision);
    return c;
  }

  /** The commits reachable from {@code from}, newest first. */
  List<Commit> history(Commit from) {
    List<Commit> out = new ArrayList<>();
    for (Commit c = from; c != null; c = c.parent == null ? null : commits.get(c.parent)) {
      out.add(c);
    }
    return out;
  }

  /** The commits of {@code head} that {@code base} lacks, newest first. */
  List<Commit> between(Commit base, Commit head) {
    Set<String> inBase = new HashSet<>();
    history(base).forEach(c -> inBase.add(c.revision));
    List<Commit> out = new ArrayList<>();
    for (Commit c : history(head)) {
      if (!inBase.contains(c.revision)) {
        out.add(c);
      }
    }
    return out;
  }
}
