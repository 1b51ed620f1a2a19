package org.buddy4j.contract;

import static org.buddy4j.contract.Contract.DATE;
import static org.buddy4j.contract.Contract.DATE_EXAMPLE;
import static org.buddy4j.contract.Contract.PROJECT;
import static org.buddy4j.contract.Contract.PROJECT_PATH;
import static org.buddy4j.contract.Contract.PROVIDER;
import static org.buddy4j.contract.Contract.WS;
import static org.buddy4j.contract.Contract.authorized;
import static org.buddy4j.contract.Contract.links;
import static org.buddy4j.contract.Contract.rateLimitHeaders;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.buddy4j.core.generated.api.RepositoryApi;
import org.buddy4j.core.generated.model.Branch;
import org.buddy4j.core.generated.model.BranchCreateRequest;
import org.buddy4j.core.generated.model.Commit;
import org.buddy4j.core.generated.model.CommitList;
import org.buddy4j.core.generated.model.RepositoryContents;
import org.buddy4j.core.generated.model.RepositoryFile;
import org.buddy4j.core.generated.model.RepositoryFileRequest;
import org.buddy4j.core.generated.model.RevisionComparison;
import org.buddy4j.core.generated.model.RevisionRef;
import org.buddy4j.core.generated.model.Tag;
import org.buddy4j.core.generated.model.TagList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A project's repository: branches, tags, commits, a comparison, and files by a path that holds
 * {@code /} (sent unescaped, as Buddy's SDKs send it). Commit revisions are the provider's, so the
 * states hand them over ({@code revision}).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER, pactVersion = PactSpecVersion.V4)
class RepositoryConsumerPactTest {
  private static final String REPOSITORY = PROJECT_PATH + "/repository";
  /** A revision as Buddy shows it (40 hex digits would look like a secret to the scan; a short SHA is enough). */
  private static final String REVISION = "506a3963507943d6";
  /** Created with a path that holds {@code /} (in the body). */
  private static final String NESTED_FILE = "docs/contracts/notes.md";
  /** Read, edited and deleted by its path in the URL, which holds {@code /} unescaped (decision 7). */
  private static final String FILE = "docs/NOTES.md";
  /** Short on purpose: a longer base64 text looks random to PactSecretScanCheck. */
  private static final String NOTES = "# Notes\n";
  private static final String NOTES_BASE64 = Base64.getEncoder().encodeToString(NOTES.getBytes(StandardCharsets.UTF_8));
  private static final String NOTES_V2 = "# Notes\nDone.\n";
  private static final String NOTES_V2_BASE64 =
      Base64.getEncoder().encodeToString(NOTES_V2.getBytes(StandardCharsets.UTF_8));

  private static RepositoryApi repository(MockServer server) {
    return Contract.client(server).api(RepositoryApi.class);
  }

  private static void commit(LambdaDslObject c, String message) {
    links(c);
    c.stringType("revision", REVISION);
    c.stringType("message", message);
    c.stringMatcher("author_date", DATE, DATE_EXAMPLE);
    c.stringMatcher("commit_date", DATE, DATE_EXAMPLE);
    c.object("author", Contract::member);
    c.object("committer", Contract::member);
  }

  private static void shortCommit(LambdaDslObject c) {
    links(c);
    c.stringType("revision", REVISION);
  }

  private static void fileEntry(LambdaDslObject e) {
    links(e);
    e.stringValue("content_type", "FILE");
    e.stringValue("name", FILE.substring(FILE.lastIndexOf('/') + 1));
    e.stringValue("path", FILE);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createBranch(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("createBranch: create branch contracts from master")
            .method("POST").path(REPOSITORY + "/branches")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("name", "contracts");
              b.object("commit", c -> c.stringValue("revision", "master"));
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(b -> {
          links(b);
          b.stringValue("name", "contracts");
          b.object("commit", RepositoryConsumerPactTest::shortCommit);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createBranch")
  void createsBranch(MockServer server) {
    Branch branch = repository(server).createBranch(WS, PROJECT,
        new BranchCreateRequest().name("contracts").commit(new RevisionRef().revision("master")));
    assertEquals("contracts", branch.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getBranch(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("branch develop exists in project company-website")
            .uponReceiving("getBranch: get branch develop")
            .method("GET").path(REPOSITORY + "/branches/develop"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(b -> {
          links(b);
          b.stringValue("name", "develop");
          b.object("commit", RepositoryConsumerPactTest::shortCommit);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getBranch")
  void getsBranch(MockServer server) {
    Branch branch = repository(server).getBranch(WS, PROJECT, "develop");
    assertEquals(REVISION, branch.getCommit().getRevision());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteBranch(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("branch develop exists in project company-website")
            .uponReceiving("deleteBranch: delete branch develop, even unmerged")
            .method("DELETE").path(REPOSITORY + "/branches/develop").query("force=true"))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteBranch")
  void deletesBranch(MockServer server) {
    repository(server).deleteBranch(WS, PROJECT, "develop", true);
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getTags(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("tag v1.0 exists in project company-website")
            .uponReceiving("getTags: list the tags of company-website")
            .method("GET").path(REPOSITORY + "/tags"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("tags", 1, t -> {
            links(t);
            t.stringType("name", "v1.0");
            t.object("commit", RepositoryConsumerPactTest::shortCommit);
          });
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getTags")
  void listsTags(MockServer server) {
    TagList tags = repository(server).getTags(WS, PROJECT);
    assertEquals("v1.0", tags.getTags().get(0).getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getTag(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("tag v1.0 exists in project company-website")
            .uponReceiving("getTag: get tag v1.0")
            .method("GET").path(REPOSITORY + "/tags/v1.0"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(t -> {
          links(t);
          t.stringValue("name", "v1.0");
          t.stringType("message", "Release 1.0");
          t.object("commit", RepositoryConsumerPactTest::shortCommit);
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getTag")
  void getsTag(MockServer server) {
    Tag tag = repository(server).getTag(WS, PROJECT, "v1.0");
    assertEquals("v1.0", tag.getName());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getCommits(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("file " + FILE + " exists in project company-website")
            .uponReceiving("getCommits: list the commits on master, first page")
            .method("GET").path(REPOSITORY + "/commits").query("revision=master&page=1&per_page=20"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.minArrayLike("commits", 1, c -> commit(c, "Add contract notes"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getCommits")
  void listsCommits(MockServer server) {
    CommitList commits = repository(server).getCommits(WS, PROJECT, null, null, "master", null, null, 1, 20);
    assertFalse(commits.getCommits().isEmpty());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getCommit(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("file " + FILE + " exists in project company-website")
            .uponReceiving("getCommit: get the commit that added the contract notes")
            .method("GET").pathFromProviderState(REPOSITORY + "/commits/${revision}", REPOSITORY + "/commits/" + REVISION))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(c -> commit(c, "Add contract notes")).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getCommit")
  void getsCommit(MockServer server) {
    Commit commit = repository(server).getCommit(WS, PROJECT, REVISION);
    assertEquals(REVISION, commit.getRevision());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact compareRevisions(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("branch develop is one commit ahead of master")
            .uponReceiving("compareRevisions: the commits on develop that master lacks")
            .method("GET").path(REPOSITORY + "/comparison/master...develop"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(o -> {
          links(o);
          o.object("base_commit", RepositoryConsumerPactTest::shortCommit);
          o.minArrayLike("commits", 1, c -> commit(c, "Add contract notes"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "compareRevisions")
  void comparesRevisions(MockServer server) {
    RevisionComparison comparison = repository(server).compareRevisions(WS, PROJECT, "master", "develop", null, null);
    assertEquals("Add contract notes", comparison.getCommits().get(0).getMessage());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact createRepositoryFile(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("project company-website exists in workspace buddy")
            .uponReceiving("createRepositoryFile: add " + NESTED_FILE + " on master")
            .method("POST").path(REPOSITORY + "/contents")
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("path", NESTED_FILE);
              b.stringValue("content", NOTES_BASE64);
              b.stringValue("message", "Add contract notes");
              b.stringValue("branch", "master");
            }).build()))
        .willRespondWith().status(201))
        .body(LambdaDsl.newJsonBody(f -> {
          f.object("content", e -> {
            links(e);
            e.stringValue("content_type", "FILE");
            e.stringValue("name", "notes.md");
            e.stringValue("path", NESTED_FILE);
          });
          f.object("commit", c -> commit(c, "Add contract notes"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "createRepositoryFile")
  void createsFile(MockServer server) {
    RepositoryFile file = repository(server).createRepositoryFile(WS, PROJECT, new RepositoryFileRequest()
        .path(NESTED_FILE).content(NOTES_BASE64).message("Add contract notes").branch("master"));
    assertEquals(NESTED_FILE, file.getContent().getPath());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact getRepositoryContentsAtPath(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("file " + FILE + " exists in project company-website")
            .uponReceiving("getRepositoryContentsAtPath: read " + FILE + " at master")
            .method("GET").path(REPOSITORY + "/contents/" + FILE).query("revision=master"))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(f -> {
          fileEntry(f);
          f.stringValue("encoding", "base64");
          f.stringValue("content", NOTES_BASE64);
          f.integerType("size", NOTES.length());
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "getRepositoryContentsAtPath")
  void readsFileByPath(MockServer server) {
    RepositoryContents file = repository(server).getRepositoryContentsAtPath(WS, PROJECT, FILE, "master");
    assertEquals(NOTES, new String(Base64.getDecoder().decode(file.getContent()), StandardCharsets.UTF_8));
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact updateRepositoryFile(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("file " + FILE + " exists in project company-website")
            .uponReceiving("updateRepositoryFile: edit " + FILE + " on master")
            .method("PUT").path(REPOSITORY + "/contents/" + FILE)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("content", NOTES_V2_BASE64);
              b.stringValue("message", "Note the verification");
              b.stringValue("branch", "master");
            }).build()))
        .willRespondWith().status(200))
        .body(LambdaDsl.newJsonBody(f -> {
          f.object("content", RepositoryConsumerPactTest::fileEntry);
          f.object("commit", c -> commit(c, "Note the verification"));
        }).build())
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "updateRepositoryFile")
  void editsFile(MockServer server) {
    RepositoryFile file = repository(server).updateRepositoryFile(WS, PROJECT, FILE, new RepositoryFileRequest()
        .content(NOTES_V2_BASE64).message("Note the verification").branch("master"));
    assertEquals("Note the verification", file.getCommit().getMessage());
  }

  @Pact(consumer = Contract.CONSUMER)
  V4Pact deleteRepositoryFile(PactDslWithProvider builder) {
    return rateLimitHeaders(authorized(builder
            .given("file " + FILE + " exists in project company-website")
            .uponReceiving("deleteRepositoryFile: delete " + FILE + " on master")
            .method("DELETE").path(REPOSITORY + "/contents/" + FILE)
            .headers("Content-Type", "application/json").body(LambdaDsl.newJsonBody(b -> {
              b.stringValue("message", "Remove the contract notes");
              b.stringValue("branch", "master");
            }).build()))
        .willRespondWith().status(204))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "deleteRepositoryFile")
  void deletesFile(MockServer server) {
    repository(server).deleteRepositoryFile(WS, PROJECT, FILE,
        new RepositoryFileRequest().message("Remove the contract notes").branch("master"));
  }
}
