package org.buddy4j.dsl.compile;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.buddy4j.core.generated.integrations.IntegrationTypes;
import org.buddy4j.dsl.DslConstants;
import org.buddy4j.dsl.DslException;
import org.buddy4j.dsl.DslProblem;
import org.buddy4j.dsl.context.BuddyScript;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SimpleMessage;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Compiles a Buddy script, checking it whole before anything runs: syntax, every DSL word in every
 * branch (see {@link VocabularyChecker}), and the script boundary: what can be refused statically is
 * refused here with file and line (no Grape, no annotations, no imports, no method definitions, no
 * {@code new}, no class but the DSL's constants and plain value types, no member outside the
 * {@link org.buddy4j.dsl.boundary.Allowlist}), and every remaining call on a value is compiled into a
 * checked call by {@link BoundaryRewriter}. Every problem is reported together as a {@link DslException}.
 */
public final class ScriptCompiler {
  static {
    // Grape (@Grab) downloads and loads code while compiling; Buddy scripts never need it.
    if (System.getProperty("groovy.grape.enable") == null) {
      System.setProperty("groovy.grape.enable", "false");
    }
  }

  private ScriptCompiler() {}

  /**
   * Compiles one script.
   *
   * @param displayName how messages name the file (e.g. the path the user typed)
   * @param text the script
   * @param trusted lift the allowlist ({@code --trusted}, for local scripts only): the DSL's words are
   *     still checked and the time limit still applies
   */
  @SuppressWarnings("unchecked")
  public static Class<? extends BuddyScript> compile(String displayName, String text, boolean trusted) {
    String sourceName = sourceName(displayName);
    CompilerConfiguration config = configuration(trusted);
    try (GroovyClassLoader loader = new GroovyClassLoader(ScriptCompiler.class.getClassLoader(), config)) {
      return (Class<? extends BuddyScript>) loader.parseClass(new GroovyCodeSource(text, sourceName, "/groovy/script"), false);
    } catch (MultipleCompilationErrorsException e) {
      throw new DslException(problems(displayName, e));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The name the compiler (and stack frames) know the script by: a file name that is a valid class name. */
  public static String sourceName(String displayName) {
    String file = displayName.replace('\\', '/');
    file = file.substring(file.lastIndexOf('/') + 1);
    String base = file.endsWith(".groovy") ? file.substring(0, file.length() - 7) : file;
    String cls = base.replaceAll("[^A-Za-z0-9_$]", "_");
    if (cls.isEmpty() || !Character.isJavaIdentifierStart(cls.charAt(0))) {
      cls = "script_" + cls;
    }
    return cls + ".groovy";
  }

  static CompilerConfiguration configuration(boolean trusted) {
    CompilerConfiguration config = new CompilerConfiguration();
    config.setScriptBaseClass(BuddyScript.class.getName());
    config.setTolerance(1000);
    config.setDisabledGlobalASTTransformations(Set.of("groovy.grape.GrabAnnotationTransformation"));

    ImportCustomizer imports = new ImportCustomizer()
        .addStaticStars(IntegrationTypes.class.getName(), DslConstants.class.getName());

    SecureASTCustomizer secure = new SecureASTCustomizer();
    secure.setMethodDefinitionAllowed(false);
    secure.setPackageAllowed(false);
    secure.setIndirectImportCheckEnabled(false); // it rejects every implicit-this call (stack-notes §3)
    secure.setAllowedImports(List.of());
    secure.setAllowedStarImports(List.of());
    secure.setAllowedStaticImports(List.of());
    secure.setAllowedStaticStarImports(List.of(IntegrationTypes.class.getName(), DslConstants.class.getName()));
    secure.setDisallowedReceiversClasses(List.of(System.class, Runtime.class, Class.class, Thread.class,
        ClassLoader.class, ProcessBuilder.class, Process.class, java.io.File.class, java.nio.file.Files.class,
        java.nio.file.Paths.class, java.net.URL.class, java.net.Socket.class, groovy.lang.GroovyShell.class,
        groovy.util.Eval.class, GroovyClassLoader.class, java.lang.reflect.Method.class));

    // Order matters within a phase: check the user's code before anything adds code of its own, and
    // put the boundary around the user's calls before the engine adds its calls.
    config.addCompilationCustomizers(imports, new NamedBlockRewriter(), new AnnotationRejector(), new VocabularyChecker(trusted));
    if (!trusted) {
      config.addCompilationCustomizers(secure);
    }
    config.addCompilationCustomizers(new BoundaryRewriter(trusted), new RunStatementCompleter());
    return config;
  }

  /** Every compile error, as file:line:column problems without Groovy's class names. */
  static List<DslProblem> problems(String displayName, MultipleCompilationErrorsException e) {
    List<DslProblem> placed = new ArrayList<>();
    List<DslProblem> unplaced = new ArrayList<>();
    for (Object o : e.getErrorCollector().getErrors()) {
      Message m = (Message) o;
      if (m instanceof SyntaxErrorMessage s) {
        SyntaxException c = s.getCause();
        placed.add(new DslProblem(displayName, c.getLine(), c.getStartColumn(), SyntaxHints.explain(c.getOriginalMessage())));
      } else if (m instanceof ExceptionMessage x) {
        unplaced.add(new DslProblem(displayName, 0, 0, clean(x.getCause() == null ? "" : x.getCause().getMessage())));
      } else if (m instanceof SimpleMessage sm) {
        unplaced.add(new DslProblem(displayName, 0, 0, clean(sm.getMessage())));
      }
    }
    placed.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
    // The security customizer's own messages carry no position; ours already said the same, placed.
    if (placed.isEmpty()) {
      placed.addAll(unplaced);
    }
    if (placed.isEmpty()) {
      placed.add(new DslProblem(displayName, 0, 0, "the script does not compile"));
    }
    return placed.stream().distinct().toList();
  }

  private static String clean(String message) {
    if (message == null) {
      return "the script does not compile";
    }
    return message.replaceAll("General error during [a-z ]+: ", "")
        .replaceAll("\\b(?:java|groovy|org\\.codehaus\\.groovy)\\.[\\w.$]+(?:Exception|Error): ", "")
        .replaceAll("Expression \\[(\\w+)Expression] is not allowed: ", "not allowed in Buddy scripts: ")
        .lines().findFirst().orElse(message).trim();
  }
}
