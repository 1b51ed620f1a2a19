package org.buddy4j.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.api.RepositoryApi;
import org.buddy4j.core.generated.model.RepositoryContents;
import org.buddy4j.core.generated.model.RepositoryFile;
import org.buddy4j.core.generated.model.RepositoryFileRequest;

/**
 * One path in a project's repository, {@code …/repository/contents/{path}}: read it (a file's content, or a
 * directory's entries), add, edit or delete a file. Each write is one commit with a message, on the default
 * branch or the one {@link #onBranch(String)} names. The path keeps its {@code /} on the wire, as Buddy's
 * SDKs send it; contents travel base64, encoded and decoded here.
 */
public final class RepositoryFileClient {
  private final ClientContext context;
  private final String workspace;
  private final String project;
  private final String path;
  private final String branch; // null: the default branch

  RepositoryFileClient(ClientContext context, String workspace, String project, String path, String branch) {
    this.context = context;
    this.workspace = workspace;
    this.project = project;
    Handles.encodePath(path); // refuses '..', '//' and the like before anything is sent
    this.path = path;
    this.branch = branch;
  }

  /** The path in the repository. */
  public String path() {
    return path;
  }

  /** The same path on another branch (reads at it, commits to it). */
  public RepositoryFileClient onBranch(String branchName) {
    return new RepositoryFileClient(context, workspace, project, path, Objects.requireNonNull(branchName, "branch"));
  }

  /**
   * {@code GET …/repository/contents/{path}[?revision=branch]}: a file ({@code content_type} FILE, base64
   * {@code content}) or a directory ({@code contents[]}); a {@code BuddyNotFoundException} when there is none.
   */
  public RepositoryContents get() {
    return api().getRepositoryContentsAtPath(workspace, project, path, branch);
  }

  /** As {@link #get()}, empty on 404: whether the path exists. */
  public Optional<RepositoryContents> find() {
    try {
      return Optional.of(get());
    } catch (BuddyNotFoundException e) {
      return Optional.empty();
    }
  }

  /** The file's bytes ({@link #get()}, its base64 {@code content} decoded). */
  public byte[] bytes() {
    String content = get().getContent();
    if (content == null) {
      throw new IllegalStateException(path + " in " + project + " has no content: is it a directory?");
    }
    return Base64.getMimeDecoder().decode(content);
  }

  /** The file's text, as UTF-8. */
  public String text() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  /** {@code POST …/repository/contents}: adds the file (UTF-8 text) in a commit with {@code message}. */
  public RepositoryFile create(String text, String message) {
    return create(text.getBytes(StandardCharsets.UTF_8), message);
  }

  /** {@code POST …/repository/contents}: adds the file in a commit with {@code message}; the answer names the commit. */
  public RepositoryFile create(byte[] content, String message) {
    return api().createRepositoryFile(workspace, project, body(content, message).path(path));
  }

  /** {@code PUT …/repository/contents/{path}}: replaces the file's content (UTF-8 text) in a commit. */
  public RepositoryFile update(String text, String message) {
    return update(text.getBytes(StandardCharsets.UTF_8), message);
  }

  /** {@code PUT …/repository/contents/{path}}: replaces the file's content in a commit with {@code message}. */
  public RepositoryFile update(byte[] content, String message) {
    return api().updateRepositoryFile(workspace, project, path, body(content, message));
  }

  /** {@code DELETE …/repository/contents/{path}}: deletes the file in a commit with {@code message}. */
  public void delete(String message) {
    api().deleteRepositoryFile(workspace, project, path, body(null, message));
  }

  private RepositoryFileRequest body(byte[] content, String message) {
    RepositoryFileRequest body = new RepositoryFileRequest().message(Objects.requireNonNull(message, "message")).branch(branch);
    return content == null ? body : body.content(Base64.getEncoder().encodeToString(content));
  }

  private RepositoryApi api() {
    return context.api(RepositoryApi.class);
  }

  @Override
  public String toString() {
    return "RepositoryFile[" + workspace + "/" + project + ":" + path + (branch == null ? "" : "@" + branch) + "]";
  }
}
