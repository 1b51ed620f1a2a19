package org.buddy4j.core.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.buddy4j.core.RepositoryClient;
import org.buddy4j.core.RepositoryFileClient;
import org.buddy4j.core.errors.BuddyNotFoundException;
import org.buddy4j.core.generated.model.Branch;
import org.buddy4j.core.generated.model.BranchCreateRequest;
import org.buddy4j.core.generated.model.Commit;
import org.buddy4j.core.generated.model.RepositoryEntry;
import org.buddy4j.core.generated.model.RepositoryFile;
import org.buddy4j.core.generated.model.RevisionComparison;
import org.buddy4j.core.generated.model.RevisionRef;
import org.buddy4j.core.generated.model.Tag;
import org.buddy4j.core.generated.model.TagCreateRequest;
import org.junit.jupiter.api.Test;

/** A project's repository through the facade: files under nested directories, commits, branches, tags, comparisons. */
class RepositoryE2eTest extends E2eTestBase {

  private static RepositoryClient repo() {
    return project().repository();
  }

  private static String commitAFile(RepositoryClient repo, String path, String branch) {
    RepositoryFileClient file = branch == null ? repo.file(path) : repo.file(path).onBranch(branch);
    return file.create("content of " + path + "\n", "e2e: add " + path).getCommit().getRevision();
  }

  @Test
  void aFileCommittedUnderNestedDirectoriesReadsBackWithItsCommit() {
    RepositoryFileClient file = repo().file("dir/sub/notes.txt");
    RepositoryFile written = file.create("hello from buddy4j\n", "e2e: add notes");
    String revision = written.getCommit().getRevision();
    assertNotNull(revision);
    assertEquals("dir/sub/notes.txt", written.getContent().getPath());

    assertEquals("hello from buddy4j\n", file.text());
    // The bytes on the wire (slashes kept, each segment encoded) are PathEncodingTest's; here the route took it.
    assertEquals(1, admin.requests("getRepositoryContentsAtPath").size());
    assertEquals("e2e: add notes", repo().commit(revision).getMessage());
    assertEquals(revision, repo().commits().list().findFirst().orElseThrow().getRevision(), "newest first");
    assertEquals("e2e: add notes", repo().commits().get(revision).getMessage());
    List<String> inSub = repo().file("dir/sub").get().getContents().stream().map(RepositoryEntry::getName).toList();
    assertTrue(inSub.contains("notes.txt"), inSub::toString);
    assertTrue(repo().contents().getContents().stream().anyMatch(e -> "dir".equals(e.getName())), "the root lists dir");
  }

  @Test
  void aFileIsEditedAndDeletedEachInACommit() {
    RepositoryFileClient file = repo().file("dir/sub/data.bin");
    byte[] bytes = {0, 1, 2, (byte) 0xff, '\n'};
    file.create(bytes, "e2e: add data");
    assertArrayEquals(bytes, file.bytes());

    RepositoryFile edited = file.update("now text\n", "e2e: edit data");
    assertEquals("now text\n", file.text());
    assertEquals("e2e: edit data", repo().commit(edited.getCommit().getRevision()).getMessage());

    file.delete("e2e: remove data");
    assertEquals(Optional.empty(), file.find());
    assertThrows(BuddyNotFoundException.class, file::get);
    assertEquals("e2e: remove data", repo().commits().list().findFirst().orElseThrow().getMessage());
  }

  @Test
  void aBranchIsCreatedAtACommitReadListedAndDeleted() {
    String head = commitAFile(repo(), "branch-base.txt", null);
    Branch created = repo().branches().create(new BranchCreateRequest().name("e2e-branch").commit(new RevisionRef().revision(head)));
    assertEquals("e2e-branch", created.getName());
    assertEquals(head, repo().branches().get("e2e-branch").getCommit().getRevision());
    assertTrue(repo().branches().list().anyMatch(b -> "e2e-branch".equals(b.getName())));
    assertEquals(1, repo().branches().page(1, 1).size());

    repo().branches().delete("e2e-branch");
    assertEquals(Optional.empty(), repo().branches().find("e2e-branch"));
    assertThrows(BuddyNotFoundException.class, () -> repo().branches().get("e2e-branch"));
  }

  @Test
  void aTagNamesACommit() {
    String head = commitAFile(repo(), "tagged.txt", null);
    Tag tag = repo().tags().create(new TagCreateRequest().name("v9.9.9-e2e").message("e2e").commit(new RevisionRef().revision(head)));
    assertEquals("v9.9.9-e2e", tag.getName());
    assertEquals(head, repo().tags().get("v9.9.9-e2e").getCommit().getRevision());
    assertTrue(repo().tags().list().anyMatch(t -> "v9.9.9-e2e".equals(t.getName())));
    assertThrows(BuddyNotFoundException.class, () -> repo().tags().get("v0.0.0-none"));
  }

  @Test
  void aComparisonShowsWhatABranchAddsAndTheCommitsOfTheBranchListThem() {
    String base = commitAFile(repo(), "compare-base.txt", null);
    repo().branches().create(new BranchCreateRequest().name("e2e-feature").commit(new RevisionRef().revision(base)));
    String first = commitAFile(repo(), "feature/one.txt", "e2e-feature");
    String second = commitAFile(repo(), "feature/two.txt", "e2e-feature");

    RevisionComparison diff = repo().compare(base, "e2e-feature");
    List<String> added = diff.getCommits().stream().map(Commit::getRevision).toList();
    assertTrue(added.containsAll(List.of(first, second)), added::toString);
    assertFalse(added.contains(base), added::toString);
    List<String> onBranch = repo().commits("e2e-feature").list().map(Commit::getRevision).limit(3).toList();
    assertEquals(List.of(second, first, base), onBranch);
    assertEquals("content of feature/one.txt\n", repo().file("feature/one.txt").onBranch("e2e-feature").text());
  }

  @Test
  void anUnknownCommitBranchOrFileIsNotFound() {
    assertThrows(BuddyNotFoundException.class, () -> repo().commit("0000000000000000000000000000000000000000"));
    assertThrows(BuddyNotFoundException.class, () -> repo().branches().get("e2e-no-such-branch"));
    assertThrows(BuddyNotFoundException.class, () -> repo().file("no/such/file.txt").get());
    assertThrows(BuddyNotFoundException.class, () -> buddy.workspace(WORKSPACE).project("e2e-no-project").repository().contents());
  }
}
