package org.buddy4j.dsl.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.buddy4j.core.RunField;
import org.buddy4j.core.RunFields;
import org.buddy4j.core.integrations.IntegrationCatalog;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.core.provision.FieldSpec;

/**
 * Every word of the Buddy DSL and the block it is valid in: the one metadata source for the runtime
 * contexts, the compile-time vocabulary checker, the IntelliJ GDSL descriptor and docs/dsl.md.
 *
 * <p>The words of {@code integration { }} come from buddy-core's {@link IntegrationCatalog} (the spec's
 * {@code x-buddy-integration-catalog}) when this class loads: every field of every type, in camelCase,
 * plus the documented aliases. Nothing about the 53 types is written by hand here. Likewise the run words
 * come from buddy-core's {@link RunFields} (the spec's {@code RunExecutionRequest}): a run field the spec
 * gains is a word of every run form.
 */
public final class Vocabulary {
  public static final String SCRIPT = "script";
  public static final String WORKSPACE = "workspace";
  public static final String PROJECT = "project";
  public static final String INTEGRATION = "integration";
  public static final String ROLE_ASSUMPTION = "roleAssumption";
  public static final String PERMISSIONS = "permissions";
  public static final String RUN_BLOCK = "run";
  public static final String RUN_CHAIN = "runChain";
  public static final String ROLLBACK_CHAIN = "rollbackChain";
  public static final String RUN_NAMED = "runNamed";
  public static final String RESULT = "result";

  /** Integration scopes. */
  public static final List<String> SCOPES = List.of("WORKSPACE", "PROJECT", "ENVIRONMENT");
  /** Run priorities: the spec's (the run-request catalogue), so the DSL and core accept the same names. */
  public static final List<String> PRIORITIES = RunFields.get().field("priority").map(RunField::choices).orElse(List.of());
  /** Integration access levels. */
  public static final List<String> ACCESS_LEVELS = List.of("MANAGE", "USE_ONLY", "DENIED");

  private static final Vocabulary INSTANCE = new Vocabulary(IntegrationCatalog.get());

  private final IntegrationCatalog catalog;
  private final Map<String, Block> blocks = new LinkedHashMap<>();
  /** camelCase word → API field, for integration fields. */
  private final Map<String, String> integrationFields = new LinkedHashMap<>();
  private final List<String> authTypes;
  /** The declarable kinds and the words of their blocks. */
  private DeclarationWords declarations;
  /** Run word → the run-request field it sets. */
  private final Map<String, RunField> runFields = new LinkedHashMap<>();

  private Vocabulary(IntegrationCatalog catalog) {
    this.catalog = catalog;
    Set<String> modes = new LinkedHashSet<>();
    catalog.types().values().stream().sorted((a, b) -> a.type().compareTo(b.type()))
        .forEach(t -> t.modes().forEach(m -> modes.add(m.authType())));
    this.authTypes = List.copyOf(modes);
    build();
  }

  /** The vocabulary of the catalog buddy-core was built with. */
  public static Vocabulary get() {
    return INSTANCE;
  }

  public Block block(String id) {
    Block b = blocks.get(id);
    if (b == null) {
      throw new IllegalArgumentException("no DSL block " + id);
    }
    return b;
  }

  /** Whether a run word may be given to a rollback (not the revision words: the rollback picks it). */
  public boolean settableOnRollback(String word) {
    return block(ROLLBACK_CHAIN).has(word);
  }

  /** Every block, in documentation order. */
  public List<Block> blocks() {
    return List.copyOf(blocks.values());
  }

  /** Integration types by name, as the catalog knows them. */
  public List<String> integrationTypes() {
    return catalog.types().keySet().stream().sorted().toList();
  }

  /** Every auth type some integration type accepts. */
  public List<String> authTypes() {
    return authTypes;
  }

  /** The API field an integration word sets (for catalog fields), else null. */
  public String apiFieldOf(String integrationWord) {
    return integrationFields.get(integrationWord);
  }

  /** The words of {@code integration { }} that an integration of this type takes (all words if unknown). */
  public List<String> integrationWordsFor(String type) {
    Block block = block(INTEGRATION);
    List<String> out = new ArrayList<>();
    for (Word w : block.words().values()) {
      if (w.allTypes() || type == null || w.types().contains(type)) {
        out.add(w.name());
      }
    }
    return out;
  }

  /** snake_case → camelCase ({@code project_name} → {@code projectName}). */
  public static String camel(String apiName) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : apiName.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  private Block add(String id, String title, String summary) {
    Block b = new Block(id, title, summary);
    blocks.put(id, b);
    return b;
  }

  private void build() {
    Word workspace = Word.of("workspace", ArgKind.NAME_AND_BLOCK,
        "Sets the workspace (its URL handle) for everything inside the block.",
        "workspace \"buddy\" {\n  project \"company-website\" {\n    run pipeline 2 on branch \"master\"\n  }\n}")
        .opens(WORKSPACE);
    Word project = Word.of("project", ArgKind.NAME_AND_BLOCK,
        "Sets the project (its URL handle) for the runs inside the block; integrations inside default to scope PROJECT of it.",
        "project \"company-website\" {\n  run pipeline 2 on branch \"master\"\n}").opens(PROJECT);
    Word integration = Word.of("integration", ArgKind.DECLARATION,
        "Declares an integration by its identifier: integration \"aws-prod\" { … }, or integration { … } with identifier \"…\" inside (without one, made from its name: AWS prod → aws-prod). Created if missing, updated if a field differs, never duplicated; returns it (hashId, name, identifier, type).",
        "integration \"github\" {\n  type GIT_HUB\n  name \"GitHub\"\n  scope WORKSPACE\n  token env(\"GITHUB_TOKEN\")\n}").opens(INTEGRATION);
    Word run = Word.of("run", ArgKind.RUN,
        "Runs a pipeline (POST …/pipelines/{id}/executions) when the statement ends; returns the run (see \"A run's result\").",
        "run pipeline 2 on branch \"master\" comment \"release\" priority HIGH").opens(RUN_BLOCK);
    Word rollback = Word.of("rollback", ArgKind.RUN,
        "Rolls a pipeline back: runs the revision of the last SUCCESSFUL run before its newest finished one, on the same branch and at another revision (GET …/executions, then POST …/executions with to_revision and branch).",
        "rollback pipeline 2 comment \"roll back\"");
    Word pipeline = Word.of("pipeline", ArgKind.MARKER, "Part of a run statement: run pipeline 2 …",
        "run pipeline 2");
    Word on = Word.of("on", ArgKind.MARKER, "Part of a run statement: … on branch \"…\" / on tag \"…\" / on pullRequest \"…\"",
        "run pipeline 2 on tag \"v1.0\"");
    Word at = Word.of("at", ArgKind.MARKER, "Part of a run statement: … at revision \"…\"",
        "run pipeline 2 at revision \"HEAD\"");
    List<Word> common = List.of(
        Word.of("println", ArgKind.ANY, "Prints a line (suppressed while the script is being checked).",
            "println \"run ${r.id} ended ${r.status}\""),
        Word.of("print", ArgKind.ANY, "Prints without a line break (suppressed while checking).", "print \".\""),
        Word.of("env", ArgKind.TEXT,
            "The value of an environment variable; an error if it is unset, unless a default is given: env(\"NAME\", \"default\"). BUDDY_TOKEN is not readable.",
            "token env(\"GITHUB_TOKEN\")"));

    // The declarable kinds (core's DeclaredKind, from the spec's x-buddy-declare): a word and a block each,
    // nested as the URL tree reads; project and integration keep their blocks and gain the declaration.
    declarations = new DeclarationWords(DeclaredKind.all(), Map.of(PROJECT, project, INTEGRATION, integration));

    Block script = add(SCRIPT, "the script's top level", "Statements outside any block. The workspace and project default to BUDDY_WORKSPACE and BUDDY_PROJECT.");
    for (Word w : List.of(workspace, project, integration, run, rollback)) {
      script.add(w);
    }
    declarations.nest(script, WORKSPACE);
    common.forEach(script::add);

    Block ws = add(WORKSPACE, "workspace \"…\" { }", "Everything inside works on this workspace.");
    for (Word w : List.of(project, integration, run, rollback)) {
      ws.add(w);
    }
    declarations.nest(ws, WORKSPACE);
    common.forEach(ws::add);

    Block pj = add(PROJECT, "project \"…\" { }", "Runs inside work on this project; integrations default to scope PROJECT of it. "
        + "With a field or a declaration inside, it declares the project too.");
    // The statement words first: a project field of the same name (integration, create-only) is field "…".
    for (Word w : List.of(integration, run, rollback)) {
      pj.add(w);
    }
    kind(PROJECT).ifPresent(k -> declarations.fill(pj, k));
    common.forEach(pj::add);

    buildIntegration(common);

    Block role = add(ROLE_ASSUMPTION, "roleAssumption { }", "An AWS role to assume (role_assumptions[]); repeat the block for more roles.");
    role.add(Word.of("arn", ArgKind.TEXT, "The role's ARN (required).", "arn \"arn:aws:iam::123456789012:role/deploy\"").api("arn"));
    role.add(Word.of("externalId", ArgKind.TEXT, "The external ID the role's trust policy requires.", "externalId \"ext_id\"").api("external_id"));
    role.add(Word.of("duration", ArgKind.NUMBER, "Session duration in seconds.", "duration 3600").api("duration"));
    common.forEach(role::add);

    Block perms = add(PERMISSIONS, "permissions { }", "Who may use or change the integration (permissions).");
    perms.add(Word.of("admins", ArgKind.CHOICE, "Access level of workspace administrators.", "admins MANAGE").choices(ACCESS_LEVELS).api("admins"));
    perms.add(Word.of("others", ArgKind.CHOICE, "Access level of everyone else.", "others DENIED").choices(ACCESS_LEVELS).api("others"));
    perms.add(Word.of("user", ArgKind.ID_AND_CHOICE, "One user's access level (permissions.users[]).", "user 1, USE_ONLY").choices(ACCESS_LEVELS).api("users"));
    perms.add(Word.of("group", ArgKind.ID_AND_CHOICE, "One group's access level (permissions.groups[]).", "group 1, USE_ONLY").choices(ACCESS_LEVELS).api("groups"));
    common.forEach(perms::add);

    // The run words, from core's run-request catalogue (the spec's RunExecutionRequest): the ref fields
    // (not settable on a rollback) first, then the options.
    List<Word> refs = new ArrayList<>();
    List<Word> options = new ArrayList<>();
    for (RunField f : RunFields.get().all()) {
      List<Word> words = RunWords.of(f);
      words.forEach(w -> runFields.put(w.name(), f));
      (f.rollback() ? options : refs).addAll(words);
    }

    Block runBlock = add(RUN_BLOCK, "run(pipeline: N) { }", "The block form of run: one option per line.");
    refs.forEach(runBlock::add);
    options.forEach(runBlock::add);
    common.forEach(runBlock::add);

    Block chain = add(RUN_CHAIN, "run pipeline N …",
        "The sentence form: run pipeline N [on branch|tag|pullRequest \"…\" | at revision \"…\"] then options, e.g. comment \"…\" priority HIGH.");
    chain.add(pipeline).add(on).add(at);
    refs.forEach(chain::add);
    options.forEach(chain::add);

    Block rollbackChain = add(ROLLBACK_CHAIN, "rollback pipeline N …",
        "rollback pipeline N, then options (not branch, tag, pullRequest or revision: the rollback picks the revision).");
    rollbackChain.add(pipeline);
    options.forEach(rollbackChain::add);

    Block named = add(RUN_NAMED, "run pipeline: N, …", "The named form: run pipeline: 2, branch: \"master\", comment: \"…\" (also rollback pipeline: 2, …).");
    named.add(Word.of("pipeline", ArgKind.NUMBER, "The pipeline's ID (required).", "run pipeline: 2"));
    refs.forEach(named::add);
    options.forEach(w -> {
      if (w.kind() == ArgKind.KEY_VALUE) {
        return; // variable "K", "v" has no named form: use variables: [K: "v"]
      }
      named.add(w.kind() == ArgKind.NUMBERS
          ? new Word(w.name(), ArgKind.NUMBERS, w.choices(), null, w.apiField(), false, List.of(), w.summary(), "actions: [5, 6]")
          : w.kind() == ArgKind.MAP
          ? new Word(w.name(), ArgKind.MAP, w.choices(), null, w.apiField(), false, List.of(), w.summary(), w.name() + ": [VERSION: \"1.4\"]")
          : new Word(w.name(), w.kind(), w.choices(), null, w.apiField(), false, List.of(), w.summary(), w.name() + ": " + w.example().substring(w.name().length() + 1)));
    });

    Block result = add(RESULT, "a run's result", "What run and rollback return: def r = run pipeline 2 on branch \"master\"");
    result.add(Word.of("id", ArgKind.CALL, "The execution's ID.", "r.id"));
    result.add(Word.of("status", ArgKind.CALL, "The status when last read: ENQUEUED, INPROGRESS, SUCCESSFUL, FAILED, TERMINATED, …", "r.status"));
    result.add(Word.of("successful", ArgKind.CALL, "Whether it finished SUCCESSFUL.", "if (r.successful) println \"done\""));
    result.add(Word.of("failed", ArgKind.CALL, "Whether it finished but not SUCCESSFUL (FAILED, TERMINATED, …).", "if (r.failed) rollback pipeline 2"));
    result.add(Word.of("finished", ArgKind.CALL, "Whether it is over.", "r.finished"));
    result.add(Word.of("revision", ArgKind.CALL, "The revision it ran (to_revision.revision), or null.", "println r.revision"));
    result.add(Word.of("pipelineId", ArgKind.CALL, "The pipeline's ID.", "r.pipelineId"));
    result.add(Word.of("waitUntilFinished", ArgKind.CALL,
        "Waits until the run is over (polling GET …/executions/{id}) and returns it; at most 60 minutes (or the script's time limit).",
        "r.waitUntilFinished()"));
    result.add(Word.of("waitFor", ArgKind.NUMBER, "Waits at most this many minutes; an error if the run is still going.", "r.waitFor(20)"));
    result.add(Word.of("waitForApproval", ArgKind.CALL,
        "Waits until the run stops at an approval gate (WAITING_FOR_APPLY) or is over; a dry run assumes it reaches the gate.",
        "r.waitForApproval()"));
    result.add(Word.of("refresh", ArgKind.CALL, "Reads the current state (GET …/executions/{id}).", "r.refresh()"));
    result.add(Word.of("cancel", ArgKind.CALL, "Cancels the run (PATCH … CANCEL).", "r.cancel()"));
    result.add(Word.of("retry", ArgKind.CALL, "Retries a failed run (PATCH … RETRY).", "r.retry()"));
    result.add(Word.of("approve", ArgKind.CALL, "Approves a run waiting for approval (PATCH … APPLY).", "r.approve()"));

    // One block per declarable kind (project and integration have theirs), after the statement blocks.
    for (DeclaredKind k : declarations.kinds()) {
      if (k.word().equals(PROJECT) || k.word().equals(INTEGRATION)) {
        continue;
      }
      Block b = add(k.word(), k.word() + " \"…\" { }", k.summary() + " Its key: " + camel(k.keyField())
          + (k.open() ? ". Fields of its type beyond these: field \"api_name\", value." : "."));
      declarations.fill(b, k);
      common.forEach(b::add);
    }
  }

  /** The declarable kind with this DSL word. */
  public Optional<DeclaredKind> kind(String word) {
    return declarations.kind(word);
  }

  /** Every declarable kind, in dependency order. */
  public List<DeclaredKind> kinds() {
    return declarations.kinds();
  }

  /** The block a kind's declaration opens. */
  public static String blockOf(DeclaredKind kind) {
    return kind.word();
  }

  /** The field a word of a declaration block sets ({@code displayName} in project → display_name), if any. */
  public Optional<FieldSpec> declarationField(String blockId, String word) {
    return declarations.field(blockId, word);
  }

  /** Whether a kind has the short form {@code word "key", value} (a variable: it has a value field). */
  public boolean hasShortForm(DeclaredKind kind) {
    return kind.field("value").isPresent();
  }

  /** The run-request field a run word sets (core's {@link RunFields}), else null. */
  public RunField runFieldOf(String word) {
    return runFields.get(word);
  }

  private void buildIntegration(List<Word> common) {
    Block block = add(INTEGRATION, "integration { }",
        "One integration; created when the block ends. Which words a type takes comes from the integration catalog.");
    IntegrationWords.fill(block, catalog, integrationTypes(), authTypes, integrationFields);
    common.forEach(block::add);
  }

  /** Every word in any block (for the GDSL descriptor and docs). */
  public Map<String, List<Block>> blocksByWord() {
    Map<String, List<Block>> out = new TreeMap<>();
    for (Block b : blocks.values()) {
      for (String w : b.names()) {
        out.computeIfAbsent(w, k -> new ArrayList<>()).add(b);
      }
    }
    return Collections.unmodifiableMap(out);
  }
}
