package org.buddy4j.dsl.context;

import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.buddy4j.core.provision.Address;
import org.buddy4j.core.provision.Declared;
import org.buddy4j.core.provision.DeclaredKind;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.IntegrationRef;
import org.buddy4j.dsl.runtime.Declarations;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;

/**
 * The statement words of the script's top level, {@code workspace "…" { }} and {@code project "…" { }}:
 * nested blocks, declarations ({@code integration { }}, {@code pipeline "…" { }}, {@code variable …}),
 * {@code run …} and {@code rollback …}. Which of them a block allows comes from the {@link Vocabulary}.
 */
public class StatementContext extends DslContext {

  public StatementContext(Scope scope, Block block) {
    super(scope, block);
  }

  /** {@code workspace "buddy" { … }}: everything inside works on that workspace. */
  public Object workspace(Object name,
                          @DelegatesTo(value = StatementContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("workspace");
    String ws = WordValues.text(word("workspace"), name);
    return runBlock(body, new StatementContext(scope.withWorkspace(ws), Vocabulary.get().block(Vocabulary.WORKSPACE)));
  }

  /**
   * {@code project "company-website" { … }}: runs inside work on that project; a field or a declaration
   * inside declares the project too (without them it is only where the runs go: nothing is read or written).
   */
  public Object project(Object name,
                        @DelegatesTo(value = DeclarationContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("project");
    String pj = WordValues.text(word("project"), name);
    Scope inner = scope.withProject(pj);
    Block block = Vocabulary.get().block(Vocabulary.PROJECT);
    DeclaredKind kind = Vocabulary.get().kind(Vocabulary.PROJECT).orElse(null);
    if (kind == null) {
      return runBlock(body, new StatementContext(inner, block));
    }
    Declarations declarations = scope.runtime().declarations();
    String source = scope.runtime().here();
    Declarations.Slot slot = declarations.reserve();
    DeclarationContext project = runBlock(body, new DeclarationContext(inner, block, kind, inner.under(), source));
    if (project.declares() && declarations.claim(project.address(), source, project.onlyByNesting(), slot)) {
      declarations.fill(slot, project.toDeclared());
    }
    return project;
  }

  /**
   * {@code integration { … }}: declares the integration by its identifier (by its name without one): it
   * is created, or updated where it differs, when the declared state is applied; never duplicated.
   */
  public IntegrationRef integration(
      @DelegatesTo(value = IntegrationContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("integration");
    return declareIntegration(null, body);
  }

  /** {@code integration "aws-prod" { … }}: the declarative form, keyed by the identifier. */
  public IntegrationRef integration(Object identifier,
      @DelegatesTo(value = IntegrationContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("integration");
    return declareIntegration(key(word("integration"), identifier), body);
  }

  private IntegrationRef declareIntegration(String identifier, Closure<?> body) {
    Declarations declarations = scope.runtime().declarations();
    String source = scope.runtime().here();
    Declarations.Slot slot = declarations.reserve();
    IntegrationContext spec = new IntegrationContext(scope);
    if (identifier != null) {
      spec.identifiedBy(identifier);
    }
    runBlock(body, spec);
    DeclaredKind kind = Vocabulary.get().kind(Vocabulary.INTEGRATION).orElseThrow();
    Declared declared = spec.declare(parentFor(kind), kind, source);
    declarations.claim(declared.address(), source, false, slot);
    declarations.fill(slot, declared);
    return spec.ref(declared.address());
  }

  /** A declaration word: {@code pipeline "deploy" { … }}, {@code variable "KEY", "value"}, … */
  private Object declare(Word word, Object[] args) {
    DeclaredKind kind = Vocabulary.get().kind(word.name()).orElseThrow();
    if (args.length == 2 && args[1] instanceof Closure<?> body && kind.word().equals(Vocabulary.INTEGRATION)) {
      return integration(args[0], body);
    }
    if (args.length == 1 && args[0] instanceof Closure<?> body && kind.word().equals(Vocabulary.INTEGRATION)) {
      return integration(body);
    }
    boolean block = args.length == 2 && args[1] instanceof Closure<?>;
    boolean shortForm = !block && args.length == 2 && Vocabulary.get().hasShortForm(kind);
    if (!block && !shortForm) {
      throw new DslException(formsOf(word, kind));
    }
    String key = key(word, args[0]);
    Address address = parentFor(kind).child(kind.word(), key);
    Declarations declarations = scope.runtime().declarations();
    String source = scope.runtime().here();
    Declarations.Slot slot = declarations.reserve();
    declarations.claim(address, source, false, slot);
    if (this instanceof DeclarationContext parent && parent.address().equals(address.parent())) {
      parent.nestedDeclared();
    }
    if (shortForm) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put(kind.keyField(), key);
      fields.put("value", scalar(word, args[1]));
      declarations.fill(slot, DeclarationContext.declared(kind, address, fields, source));
      return null;
    }
    DeclarationContext inner = runBlock((Closure<?>) args[1],
        new DeclarationContext(scope.within(address), Vocabulary.get().block(Vocabulary.blockOf(kind)), kind, address, source));
    declarations.fill(slot, inner.toDeclared());
    return null;
  }

  /** The nearest enclosing address a kind may be declared in (an integration in a project block: the workspace). */
  private Address parentFor(DeclaredKind kind) {
    Address at = scope.parent();
    while (!at.path().isEmpty() && !kind.parents().contains(at.kind())) {
      at = at.parent();
    }
    return at;
  }

  /** A declaration's natural key: text, not empty. */
  private static String key(Word word, Object value) {
    String key = value instanceof String || value instanceof groovy.lang.GString ? value.toString() : null;
    if (key == null || key.isBlank()) {
      throw new DslException(word.name() + " needs its " + keyName(word) + " as text: " + word.example().lines().findFirst().orElse(""));
    }
    return key;
  }

  private static String keyName(Word word) {
    return Vocabulary.get().kind(word.name()).map(k -> Vocabulary.camel(k.keyField())).orElse("name");
  }

  private static String formsOf(Word word, DeclaredKind kind) {
    String key = Vocabulary.camel(kind.keyField());
    return word.name() + " expects its " + key + " and a block: " + word.name() + " \"…\" { … }"
        + (Vocabulary.get().hasShortForm(kind) ? ", or its " + key + " and a value: " + word.name() + " \"KEY\", \"value\"" : "");
  }

  private static String scalar(Word word, Object v) {
    if (v instanceof String || v instanceof groovy.lang.GString || v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    throw new DslException(word.name() + " expects a " + keyName(word) + " and a value (text, a number or true/false), got "
        + org.buddy4j.dsl.vocabulary.ValueRules.describe(v) + " as the value");
  }

  /** {@code run pipeline 2 on branch "master" …}: the start of the sentence; sent when the statement ends. */
  public RunChain run(Object first) {
    require("run");
    if (first instanceof Map<?, ?> named) {
      return RunChain.named(scope, false, named);
    }
    return RunChain.sentence(scope, false, first);
  }

  /** {@code run(pipeline: 2) { branch "master"; comment "…" }}. */
  public RunChain run(Map<String, Object> named,
                      @DelegatesTo(value = RunOptionsContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("run");
    return RunChain.block(scope, false, named, body);
  }

  /** {@code rollback pipeline 2}: buddy-core's {@code RollbackPlan} picks the revision and branch. */
  public RunChain rollback(Object first) {
    require("rollback");
    if (first instanceof Map<?, ?> named) {
      return RunChain.named(scope, true, named);
    }
    return RunChain.sentence(scope, true, first);
  }

  /** {@code rollback(pipeline: 2) { comment "…" }}. */
  public RunChain rollback(Map<String, Object> named,
                           @DelegatesTo(value = RunOptionsContext.class, strategy = Closure.DELEGATE_ONLY) Closure<?> body) {
    require("rollback");
    return RunChain.block(scope, true, named, body);
  }

  @Override
  protected Object word(Word word, Object[] args) {
    String name = word.name();
    if (Vocabulary.get().kind(name).isPresent() && !name.equals(Vocabulary.PROJECT)) {
      return declare(word, args);
    }
    if (name.equals("run") || name.equals("rollback")) {
      throw new DslException(name + " expects pipeline N …, e.g. " + word.example()
          + ", or named values: " + name + "(pipeline: 2) { … }");
    }
    if (word.opens() != null) {
      throw new DslException(name + " expects " + word.kind().description() + ", e.g. " + word.example().lines().findFirst().orElse(""));
    }
    if (name.equals("println") || name.equals("print")) {
      throw new DslException(Messages.takesOneValue(name));
    }
    if (name.equals("env")) {
      throw new DslException(Messages.envArguments());
    }
    return super.word(word, args);
  }

  private Word word(String name) {
    return block.word(name).orElseThrow();
  }
}
