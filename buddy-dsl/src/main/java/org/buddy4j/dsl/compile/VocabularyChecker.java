package org.buddy4j.dsl.compile;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.buddy4j.core.generated.integrations.IntegrationTypes;
import org.buddy4j.dsl.DslConstants;
import org.buddy4j.dsl.boundary.Allowlist;
import org.buddy4j.dsl.vocabulary.ArgKind;
import org.buddy4j.dsl.vocabulary.Block;
import org.buddy4j.dsl.vocabulary.Messages;
import org.buddy4j.core.Suggestions;
import org.buddy4j.dsl.vocabulary.RunGrammar;
import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.buddy4j.dsl.vocabulary.Word;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Checks every word of a script against the {@link Vocabulary} before anything runs, including words
 * in branches that will not execute: which words each block allows, what their values must be (when
 * written as constants), and the run sentence's grammar. Each mistake is reported with its line and
 * column, the block, the nearest valid word and the block's valid words; all of them together.
 * Local variables and calls on them ({@code r.status}) are left alone.
 *
 * <p>It is also the static half of the script boundary: it refuses, with line and column, what can be
 * refused before anything runs: imports, classes, method definitions, {@code new}, class references and
 * declared or cast types other than the DSL's constants and plain value types, {@code this}/{@code super},
 * {@code .@}/{@code .&}, computed member names, catching {@code Throwable}, and any member name that no
 * kind of value allows ({@link Allowlist}). The run-time half is {@link BoundaryRewriter}. With
 * {@code trusted} only the DSL's words are checked.
 */
final class VocabularyChecker extends CompilationCustomizer {
  private static final Set<String> ALLOWED_CLASSES = Set.of(
      IntegrationTypes.class.getName(), DslConstants.class.getName(), "java.lang.String", "java.lang.Integer",
      "java.lang.Long", "java.lang.Boolean", "java.math.BigDecimal", "java.lang.Double", "java.util.List",
      "java.util.Map", "java.util.Set", "java.util.Collection", "java.lang.Number", "java.lang.Object", "int",
      "long", "boolean", "double");
  private static final Set<String> DENIED_MEMBERS = Set.of(
      "execute", "getClass", "class", "metaClass", "getMetaClass", "setMetaClass", "invokeMethod", "getProperty",
      "setProperty", "properties", "getProperties", "evaluate", "forName", "newInstance", "binding", "getBinding",
      "setBinding", "rehydrate", "dehydrate", "delegate", "setDelegate", "getDelegate", "owner", "getOwner",
      "thisObject", "getThisObject", "setResolveStrategy", "classLoader", "getClassLoader", "loadClass", "toURL",
      "toURI", "newInputStream", "newReader", "newObjectInputStream", "withReader", "withInputStream", "use",
      "mixin", "exit", "halt", "addShutdownHook", "attach", "methodMissing", "propertyMissing", "send");

  private final boolean trusted;

  /** @param trusted whether the script boundary is lifted ({@code --trusted}): the words are still checked */
  VocabularyChecker(boolean trusted) {
    super(CompilePhase.CANONICALIZATION);
    this.trusted = trusted;
  }

  @Override
  public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
    if (!classNode.isScript()) {
      report(source, "classes are not allowed in Buddy scripts", classNode);
      return;
    }
    ModuleNode module = source.getAST();
    checkModule(source, module, trusted);
    MethodNode run = classNode.getMethod("run", org.codehaus.groovy.ast.Parameter.EMPTY_ARRAY);
    if (run != null && run.getCode() != null) {
      new Walker(source).walk(run.getCode());
    }
  }

  private static void checkModule(SourceUnit source, ModuleNode module, boolean trusted) {
    if (module.getPackage() != null) {
      report(source, "a package declaration is not allowed in Buddy scripts", module.getPackage());
    }
    for (MethodNode m : module.getMethods()) {
      report(source, "method definitions are not allowed in Buddy scripts ('" + m.getName()
          + "'); use a closure: def " + m.getName() + " = { … }", m);
    }
    if (trusted) {
      return;
    }
    for (ImportNode i : module.getImports()) {
      report(source, "imports are not allowed in Buddy scripts ('import " + i.getClassName() + "')", i);
    }
    for (ImportNode i : module.getStarImports()) {
      report(source, "imports are not allowed in Buddy scripts ('import " + i.getPackageName() + "*')", i);
    }
    module.getStaticImports().values().forEach(i ->
        report(source, "imports are not allowed in Buddy scripts ('import static " + i.getClassName() + "." + i.getFieldName() + "')", i));
    module.getStaticStarImports().values().forEach(i -> {
      String name = i.getClassName();
      if (!name.equals(IntegrationTypes.class.getName()) && !name.equals(DslConstants.class.getName())) {
        report(source, "imports are not allowed in Buddy scripts ('import static " + name + ".*')", i);
      }
    });
  }

  static void report(SourceUnit source, String message, ASTNode node) {
    int line = Math.max(node.getLineNumber(), 1);
    int col = Math.max(node.getColumnNumber(), 1);
    source.getErrorCollector().addErrorAndContinue(
        new SyntaxException(message, line, col, node.getLastLineNumber(), node.getLastColumnNumber()), source);
  }

  /** Where the walker is: a block, and for integration blocks the type written in it (if constant). */
  private record Place(Block block, String integrationType, Set<String> excluded, boolean silent) {
    List<String> valid() {
      List<String> names = block.id().equals(Vocabulary.INTEGRATION)
          ? Vocabulary.get().integrationWordsFor(integrationType) : block.names();
      return names.stream().filter(n -> !excluded.contains(n)).toList();
    }

    String title() {
      return integrationType == null ? block.title() : "integration { } (type " + integrationType + ")";
    }

    boolean has(String word) {
      return valid().contains(word);
    }
  }

  private final class Walker extends ClassCodeVisitorSupport {
    private final SourceUnit source;
    private final Deque<Place> places = new ArrayDeque<>();

    Walker(SourceUnit source) {
      this.source = source;
      places.push(new Place(Vocabulary.get().block(Vocabulary.SCRIPT), null, Set.of(), false));
    }

    @Override
    protected SourceUnit getSourceUnit() {
      return source;
    }

    void walk(Statement code) {
      code.visit(this);
    }

    private Place place() {
      return places.peek();
    }

    private void error(String message, ASTNode node) {
      if (!place().silent()) {
        report(source, message, node);
      }
    }

    /** A refusal of the script boundary (lifted by --trusted), as opposed to a mistake in the DSL's words. */
    private void refuse(String message, ASTNode node) {
      if (!trusted) {
        error(message, node);
      }
    }

    /** Only the value types a script may name: def, String, Integer, List, Map, … (never Class, File, …). */
    private void checkType(ClassNode type, ASTNode at) {
      if (type != null && !type.isGenericsPlaceHolder() && !ALLOWED_CLASSES.contains(type.redirect().getName())
          && !(type.isArray() && ALLOWED_CLASSES.contains(type.getComponentType().getName()))) {
        refuse("the type '" + type.getNameWithoutPackage() + "' is not available in Buddy scripts (write def, or one of "
            + "String, Integer, Long, BigDecimal, Boolean, List, Map)", at);
      }
    }

    // ── calls ──────────────────────────────────────────────────────────────────────────────────────

    @Override
    public void visitMethodCallExpression(MethodCallExpression call) {
      MethodCallExpression root = RunStatementShape.root(call);
      if (root != null) {
        runStatement(call, root);
        return;
      }
      if (call.isImplicitThis()) {
        word(call);
        return;
      }
      Expression receiver = call.getObjectExpression();
      if (receiver instanceof VariableExpression v && (v.isThisExpression() || v.isSuperExpression())) {
        refuse("'" + v.getName() + "' is not available in Buddy scripts", call);
      }
      String name = call.getMethodAsString();
      ASTNode at = call.getMethod().getLineNumber() > 0 ? call.getMethod() : call;
      if (name == null) {
        refuse("dynamic method names are not allowed in Buddy scripts", call);
      } else if (DENIED_MEMBERS.contains(name) || !Allowlist.anyKindAllowsMethod(name)) {
        refuse("'" + name + "' is not available in Buddy scripts", at);
      }
      receiver.visit(this);
      call.getArguments().visit(this);
    }

    @Override
    public void visitPropertyExpression(PropertyExpression p) {
      if (p instanceof AttributeExpression) {
        refuse("'.@' field access is not allowed in Buddy scripts", p);
        return;
      }
      MethodCallExpression root = RunStatementShape.root(p);
      if (root != null) {
        runStatement(p, root);
        return;
      }
      Expression receiver = p.getObjectExpression();
      if (receiver instanceof ClassExpression c && allowedConstantClass(c)) {
        return; // a static-imported constant such as AMAZON or HIGH
      }
      if (receiver instanceof VariableExpression v && (v.isThisExpression() || v.isSuperExpression())) {
        refuse("'" + v.getName() + "' is not available in Buddy scripts", p);
      }
      String name = p.getPropertyAsString();
      if (name == null) {
        refuse("dynamic property names are not allowed in Buddy scripts", p);
      } else if (DENIED_MEMBERS.contains(name)) {
        refuse("'" + name + "' is not available in Buddy scripts", p);
      }
      receiver.visit(this);
    }

    @Override
    public void visitAttributeExpression(AttributeExpression a) {
      refuse("'.@' field access is not allowed in Buddy scripts", a);
    }

    @Override
    public void visitVariableExpression(VariableExpression v) {
      String bare = RunStatementShape.bareWord(v);
      if (bare == null) {
        if (v.isThisExpression() || v.isSuperExpression()) {
          refuse("'" + v.getName() + "' is not available in Buddy scripts", v);
        }
        return;
      }
      Word word = place().has(bare) ? place().block().word(bare).orElse(null) : null;
      if (word != null) {
        error(bare + " needs a value: " + word.example().lines().findFirst().orElse(bare), v);
      } else {
        error(Messages.unknownWord(bare, place().title(), place().valid()), v);
      }
    }

    @Override
    public void visitBinaryExpression(BinaryExpression b) {
      if (!(b instanceof DeclarationExpression) && b.getOperation().getText().equals("=")
          && RunStatementShape.bareWord(b.getLeftExpression()) != null) {
        String name = RunStatementShape.bareWord(b.getLeftExpression());
        if (place().block().has(name)) {
          error("write " + name + " <value> (without '='): " + place().block().word(name).get().example().lines().findFirst().orElse(""), b);
        } else {
          error("'" + name + "' is not declared: write def " + name + " = …", b.getLeftExpression());
        }
        b.getRightExpression().visit(this);
        return;
      }
      if (b.getOperation().getType() == org.codehaus.groovy.syntax.Types.LEFT_SQUARE_BRACKET
          && b.getRightExpression() instanceof ConstantExpression k && k.getValue() instanceof String key
          && DENIED_MEMBERS.contains(key)) {
        refuse("'" + key + "' is not available in Buddy scripts (not even as x[\"" + key + "\"])", b);
      }
      super.visitBinaryExpression(b);
    }

    @Override
    public void visitDeclarationExpression(DeclarationExpression d) {
      if (d.isMultipleAssignmentDeclaration()) {
        d.getTupleExpression().getExpressions().forEach(v -> checkType(v.getType(), v));
      } else {
        checkType(d.getVariableExpression().getOriginType(), d.getLeftExpression());
      }
      d.getRightExpression().visit(this);
    }

    @Override
    public void visitCatchStatement(org.codehaus.groovy.ast.stmt.CatchStatement c) {
      String type = c.getExceptionType().getName();
      if (!type.equals("java.lang.Exception") && !type.equals("java.lang.Object")) {
        refuse("catch (e) is all Buddy scripts may write: they catch their own mistakes, never the engine's stop", c);
      }
      super.visitCatchStatement(c);
    }

    @Override
    public void visitClosureExpression(ClosureExpression c) {
      if (c.getParameters() != null) {
        for (org.codehaus.groovy.ast.Parameter p : c.getParameters()) {
          if (!p.isDynamicTyped()) {
            checkType(p.getOriginType(), p);
          }
          if (p.hasInitialExpression()) {
            p.getInitialExpression().visit(this); // a default value is code too: { x = … -> }
          }
        }
      }
      // A closure of the user's own (e.g. list.each { … }): its words resolve in the enclosing block.
      if (c.getCode() != null) {
        c.getCode().visit(this);
      }
    }

    @Override
    public void visitConstructorCallExpression(ConstructorCallExpression c) {
      refuse("'new' is not allowed in Buddy scripts", c);
    }

    @Override
    public void visitStaticMethodCallExpression(StaticMethodCallExpression c) {
      refuse("'" + c.getMethod() + "' is not available in Buddy scripts", c);
    }

    @Override
    public void visitMethodPointerExpression(MethodPointerExpression m) {
      refuse("method pointers (.&, ::) are not allowed in Buddy scripts", m);
    }

    @Override
    public void visitClassExpression(ClassExpression c) {
      if (!ALLOWED_CLASSES.contains(c.getType().getName())) {
        refuse("'" + c.getType().getNameWithoutPackage() + "' is not available in Buddy scripts", c);
      }
    }

    @Override
    public void visitCastExpression(CastExpression c) {
      if (!ALLOWED_CLASSES.contains(c.getType().getName())) {
        refuse("casting to '" + c.getType().getNameWithoutPackage() + "' is not allowed in Buddy scripts", c);
      }
      c.getExpression().visit(this);
    }

    // ── DSL words ──────────────────────────────────────────────────────────────────────────────────

    private void word(MethodCallExpression call) {
      String name = call.getMethodAsString();
      List<Expression> args = RunStatementShape.arguments(call);
      if (name == null) {
        error("dynamic method names are not allowed in Buddy scripts", call);
        return;
      }
      Word word = place().has(name) ? place().block().word(name).orElse(null) : null;
      if (word == null) {
        if (place().integrationType() != null && place().block().has(name)) {
          error(Messages.notTakenByType(name, place().integrationType(), place().valid()), call);
        } else {
          error(Messages.unknownWord(name, place().title(), place().valid()), call);
        }
        // Keep checking inside, quietly: one mistake should not produce a cascade.
        places.push(new Place(place().block(), place().integrationType(), place().excluded(), true));
        args.forEach(a -> a.visit(this));
        places.pop();
        return;
      }
      if (word.kind() == ArgKind.RUN) {
        runStatement(call, call);
        return;
      }
      checkArguments(word, args, call);
      for (Expression arg : args) {
        if (arg instanceof ClosureExpression closure && word.opens() != null) {
          enter(word, closure);
        } else if (word.kind() == ArgKind.CHOICE || word.kind() == ArgKind.ID_AND_CHOICE) {
          if (RunStatementShape.bareWord(arg) == null) {
            arg.visit(this); // bare constants were reported by checkArguments
          }
        } else if (RunStatementShape.bareWord(arg) == null || word.kind() == ArgKind.ANY) {
          arg.visit(this);
        }
      }
    }

    private void enter(Word word, ClosureExpression closure) {
      Block block = Vocabulary.get().block(word.opens());
      String type = block.id().equals(Vocabulary.INTEGRATION) ? typeIn(closure) : null;
      if (block.id().equals(Vocabulary.INTEGRATION) && !mentionsType(closure.getCode())) {
        error("integration { } needs a type, e.g. type AMAZON", closure);
      }
      places.push(new Place(block, type, Set.of(), place().silent()));
      closure.getCode().visit(this);
      places.pop();
    }

    /** The integration type written as a constant directly in the block, if any. */
    private String typeIn(ClosureExpression closure) {
      if (!(closure.getCode() instanceof BlockStatement block)) {
        return null;
      }
      for (Statement s : block.getStatements()) {
        if (s instanceof ExpressionStatement es && es.getExpression() instanceof MethodCallExpression m
            && m.isImplicitThis() && "type".equals(m.getMethodAsString())) {
          List<Expression> args = RunStatementShape.arguments(m);
          String t = args.size() == 1 ? constantText(args.get(0)) : null;
          return t != null && Vocabulary.get().integrationTypes().contains(t) ? t : null;
        }
      }
      return null;
    }

    private boolean mentionsType(Statement code) {
      boolean[] found = {false};
      code.visit(new org.codehaus.groovy.ast.CodeVisitorSupport() {
        @Override
        public void visitMethodCallExpression(MethodCallExpression m) {
          if (m.isImplicitThis() && "type".equals(m.getMethodAsString())) {
            found[0] = true;
          }
          super.visitMethodCallExpression(m);
        }

        @Override
        public void visitClosureExpression(ClosureExpression c) {
          // nested blocks do not count
        }
      });
      return found[0];
    }

    // ── values ─────────────────────────────────────────────────────────────────────────────────────

    private void checkArguments(Word word, List<Expression> args, ASTNode at) {
      String n = word.name();
      switch (word.kind()) {
        case BLOCK -> {
          if (args.size() != 1 || !(args.get(0) instanceof ClosureExpression)) {
            error(n + " expects a block: " + n + " { … }", at);
          }
        }
        case NAME_AND_BLOCK -> {
          if (args.size() != 2 || !(args.get(1) instanceof ClosureExpression)) {
            error(n + " expects a name and a block: " + n + " \"name\" { … }", at);
          } else {
            value(word, ArgKind.TEXT, args.get(0));
          }
        }
        case KEY_VALUE, FIELD -> {
          if (args.size() != 2) {
            error(n + " expects " + word.kind().description(), at);
          } else {
            value(word, ArgKind.TEXT, args.get(0));
          }
        }
        case ID_AND_CHOICE -> {
          if (args.size() != 2) {
            error(n + " expects " + word.kind().description(), at);
          } else {
            value(word, ArgKind.NUMBER, args.get(0));
            value(word, ArgKind.CHOICE, args.get(1));
          }
        }
        case NUMBERS -> {
          if (args.isEmpty()) {
            error(n + " expects " + word.kind().description(), at);
          }
          args.forEach(a -> {
            if (a instanceof ListExpression l) {
              l.getExpressions().forEach(e -> value(word, ArgKind.NUMBER, e));
            } else {
              value(word, ArgKind.NUMBER, a);
            }
          });
        }
        case ANY -> {
          if (args.size() > 1 || (n.equals("print") && args.isEmpty())) {
            error(n + " takes one value", at);
          }
        }
        case TEXT -> {
          if (n.equals("env") ? args.isEmpty() || args.size() > 2 : args.size() != 1) {
            error(n + " expects " + (n.equals("env") ? "a name and an optional default: env(\"NAME\")" : word.kind().description()), at);
          } else {
            value(word, ArgKind.TEXT, args.get(0));
          }
        }
        default -> {
          if (args.size() != 1) {
            error(n + " expects " + describe(word), at);
          } else {
            value(word, word.kind(), args.get(0));
          }
        }
      }
    }

    /** Checks one value against what the word expects, where the value is a constant or a bare word. */
    private void value(Word word, ArgKind kind, Expression e) {
      String n = word.name();
      String bare = RunStatementShape.bareWord(e);
      Object constant = e instanceof ConstantExpression c ? c.getValue() : null;
      String constName = constantName(e);
      switch (kind) {
        case TEXT -> {
          if (bare != null) {
            error(n + " expects text: put it in quotes, " + n + " \"" + bare + "\"", e);
          } else if (e instanceof ConstantExpression && !(constant instanceof String)) {
            error(n + " expects text, e.g. " + firstLine(word) + ", got " + kindOf(constant), e);
          } else if (e instanceof ClosureExpression || e instanceof MapExpression || e instanceof ListExpression) {
            error(n + " expects text, e.g. " + firstLine(word), e);
          }
        }
        case NUMBER -> {
          if (bare != null) {
            error(Messages.unknownWord(bare, place().title(), place().valid()), e);
          } else if (e instanceof ConstantExpression && !(constant instanceof Integer || constant instanceof Long)) {
            error(n + " expects a whole number, e.g. " + firstLine(word) + ", got " + kindOf(constant), e);
          } else if (e instanceof GStringExpression || e instanceof ClosureExpression || e instanceof MapExpression) {
            error(n + " expects a whole number, e.g. " + firstLine(word), e);
          }
        }
        case BOOLEAN -> {
          if (bare != null) {
            error(n + " expects true or false, not '" + bare + "'", e);
          } else if (e instanceof ConstantExpression && !(constant instanceof Boolean)) {
            error(n + " expects true or false, got " + kindOf(constant), e);
          } else if (e instanceof GStringExpression) {
            error(n + " expects true or false, got text", e);
          }
        }
        case CHOICE -> {
          String given = bare != null ? bare : constName != null ? constName : constant instanceof String s ? s : null;
          if (given != null && !word.choices().contains(given)) {
            error(choiceMessage(word, given), e);
          } else if (given == null && e instanceof ConstantExpression) {
            error(n + " expects " + describe(word) + ", got " + kindOf(constant), e);
          }
        }
        case DATE_TIME -> {
          if (bare != null) {
            error(n + " expects a date-time text such as \"2026-11-18T12:38:16Z\"", e);
          } else if (constant instanceof String s) {
            try {
              OffsetDateTime.parse(s);
            } catch (DateTimeParseException bad) {
              error(n + " expects a date-time with a zone, such as \"2026-11-18T12:38:16Z\", not \"" + s + "\"", e);
            }
          } else if (e instanceof ConstantExpression) {
            error(n + " expects a date-time text such as \"2026-11-18T12:38:16Z\", got " + kindOf(constant), e);
          }
        }
        case MAP -> {
          if (!(e instanceof MapExpression) && (e instanceof ConstantExpression || bare != null)) {
            error(n + " expects " + ArgKind.MAP.description(), e);
          }
        }
        default -> {
        }
      }
    }

    private String choiceMessage(Word word, String given) {
      if (word.name().equals("type")) {
        return Messages.unknownType(given);
      }
      return word.name() + " expects " + describe(word) + ", not '" + given + "'"
          + Suggestions.nearest(given, word.choices()).map(x -> "; did you mean " + x + "?").orElse("");
    }

    private String describe(Word word) {
      return (word.kind() == ArgKind.CHOICE || word.kind() == ArgKind.ID_AND_CHOICE) && !word.choices().isEmpty()
          && word.choices().size() <= 12
          ? String.join(", ", word.choices().subList(0, word.choices().size() - 1)) + " or " + word.choices().get(word.choices().size() - 1)
          : word.kind().description();
    }

    // ── run statements ─────────────────────────────────────────────────────────────────────────────

    private void runStatement(Expression top, MethodCallExpression root) {
      String verb = root.getMethodAsString();
      boolean rollback = verb.equals("rollback");
      if (!place().has(verb)) {
        error(Messages.unknownWord(verb, place().title(), place().valid()), root);
        return;
      }
      List<Expression> rootArgs = RunStatementShape.arguments(root);
      boolean named = !rootArgs.isEmpty() && rootArgs.get(0) instanceof MapExpression;
      boolean block = rootArgs.stream().anyMatch(a -> a instanceof ClosureExpression);
      if (named || block) {
        if (top != root) {
          error("write either named values (" + verb + " pipeline: 2, comment: \"…\") or the sentence (" + verb
              + " pipeline 2 …), not both", top);
        }
        namedForm(verb, rollback, rootArgs, root);
        return;
      }
      if (rootArgs.size() != 1) {
        error(verb + " expects pipeline N …, e.g. " + verb + " pipeline 2" + (rollback ? "" : " on branch \"master\""), root);
        return;
      }
      List<RunStatementShape.Token> tokens = RunStatementShape.flatten(top);
      try {
        RunGrammar.parse(rollback, new RunGrammar.Tokens() {
          @Override
          public int size() {
            return tokens.size();
          }

          @Override
          public String word(int index) {
            return tokens.get(index).word();
          }

          @Override
          public boolean isWholeNumber(int index) {
            return tokens.get(index).isWholeNumber();
          }
        }, new RunGrammar.Sink() {
          @Override
          public void pipeline(int index) {
          }

          @Override
          public void word(Word word, int wordIndex, int from, int to) {
            for (int i = from; i < to; i++) {
              RunStatementShape.Token t = tokens.get(i);
              ArgKind kind = word.kind() == ArgKind.KEY_VALUE ? (i == from ? ArgKind.TEXT : ArgKind.ANY)
                  : word.kind() == ArgKind.NUMBERS ? ArgKind.NUMBER : word.kind();
              if (t.value() != null) {
                if (!(word.kind() == ArgKind.NUMBERS && t.value() instanceof ListExpression)) {
                  value(word, kind, t.value());
                }
              } else if (kind == ArgKind.CHOICE && !word.choices().contains(t.name())) {
                error(choiceMessage(word, t.name()), t.node());
              }
            }
          }
        });
      } catch (RunGrammar.Mistake m) {
        ASTNode at = m.index() < tokens.size() ? tokens.get(m.index()).node() : top;
        error(m.getMessage(), at.getLineNumber() > 0 ? at : top);
      }
      // Values that are expressions (env("X"), variables, "${…}") are checked in the enclosing block.
      for (RunStatementShape.Token t : tokens) {
        if (t.value() != null && RunStatementShape.bareWord(t.value()) == null) {
          t.value().visit(this);
        }
      }
    }

    private void namedForm(String verb, boolean rollback, List<Expression> args, MethodCallExpression root) {
      Block named = Vocabulary.get().block(Vocabulary.RUN_NAMED);
      Set<String> rollbackWords = new HashSet<>(Vocabulary.get().block(Vocabulary.ROLLBACK_CHAIN).names());
      boolean hasPipeline = false;
      ClosureExpression body = null;
      for (Expression arg : args) {
        if (arg instanceof MapExpression map) {
          for (MapEntryExpression entry : map.getMapEntryExpressions()) {
            String key = constantText(entry.getKeyExpression());
            Word word = key == null ? null : named.word(key).orElse(null);
            if (word == null) {
              error(Messages.unknownWord(key == null ? "?" : key, verb + " pipeline: N, …", named.names()), entry.getKeyExpression());
              continue;
            }
            if (rollback && !rollbackWords.contains(key)) {
              error(key + " cannot be set on a rollback: the rollback picks the revision", entry.getKeyExpression());
            }
            hasPipeline |= key.equals("pipeline");
            Expression value = entry.getValueExpression();
            if (word.kind() == ArgKind.NUMBERS && value instanceof ListExpression list) {
              list.getExpressions().forEach(e -> value(word, ArgKind.NUMBER, e));
            } else {
              value(word, word.kind() == ArgKind.NUMBERS ? ArgKind.NUMBER : word.kind(), value);
            }
            if (RunStatementShape.bareWord(value) == null) {
              value.visit(this);
            }
          }
        } else if (arg instanceof ClosureExpression c) {
          body = c;
        } else {
          error(verb + " takes named values and an optional block: " + verb + "(pipeline: 2) { … }", arg);
        }
      }
      if (!hasPipeline) {
        error(verb + " needs the pipeline: " + verb + "(pipeline: 2, …)", root);
      }
      if (body != null) {
        Block runBlock = Vocabulary.get().block(Vocabulary.RUN_BLOCK);
        Set<String> excluded = new HashSet<>();
        if (rollback) {
          runBlock.names().stream().filter(n -> !rollbackWords.contains(n) && runBlock.word(n).get().apiField() != null)
              .forEach(excluded::add);
        }
        places.push(new Place(runBlock, null, excluded, place().silent()));
        body.getCode().visit(this);
        places.pop();
      }
    }
  }

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────────

  /** Whether the class is one of the DSL's constant holders (AMAZON, HIGH, …). */
  static boolean isConstantClass(ClassExpression c) {
    return allowedConstantClass(c);
  }

  private static boolean allowedConstantClass(ClassExpression c) {
    String name = c.getType().getName();
    return name.equals(IntegrationTypes.class.getName()) || name.equals(DslConstants.class.getName());
  }

  /** {@code AMAZON} after the static import: IntegrationTypes.AMAZON → "AMAZON". */
  private static String constantName(Expression e) {
    if (e instanceof PropertyExpression p && p.getObjectExpression() instanceof ClassExpression c && allowedConstantClass(c)) {
      return p.getPropertyAsString();
    }
    return null;
  }

  private static String constantText(Expression e) {
    String name = constantName(e);
    if (name != null) {
      return name;
    }
    return e instanceof ConstantExpression c && c.getValue() instanceof String s ? s : null;
  }

  private static String firstLine(Word word) {
    return word.example().lines().findFirst().orElse(word.name());
  }

  private static String kindOf(Object constant) {
    if (constant == null) {
      return "null";
    }
    if (constant instanceof String) {
      return "text";
    }
    if (constant instanceof Boolean) {
      return "true/false";
    }
    if (constant instanceof Integer || constant instanceof Long) {
      return "a whole number";
    }
    return "a decimal number";
  }
}
