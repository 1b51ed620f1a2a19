package org.buddy4j.dsl.compile;

import org.buddy4j.dsl.vocabulary.Vocabulary;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Checks every word of a script against the {@link Vocabulary} before anything runs, including words
 * in branches that will not execute, in layers that share one error collector ({@link ScriptProblems}):
 * what the script boundary refuses statically ({@link BoundaryCheck}), which words each block allows
 * ({@link PlacementCheck}), what their values must be when written as constants ({@link ValueCheck}) and
 * the run statements' grammar ({@link RunStatementCheck}). Each mistake is reported with its line and
 * column; all of them together. Local variables and calls on them ({@code r.status}) are left alone.
 * With {@code trusted} only the DSL's words are checked.
 */
final class VocabularyChecker extends CompilationCustomizer {
  private final boolean trusted;

  /** @param trusted whether the script boundary is lifted ({@code --trusted}): the words are still checked */
  VocabularyChecker(boolean trusted) {
    super(CompilePhase.CANONICALIZATION);
    this.trusted = trusted;
  }

  @Override
  public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
    ScriptProblems problems = new ScriptProblems(source, trusted);
    if (!classNode.isScript()) {
      problems.error("classes are not allowed in Buddy scripts", classNode);
      return;
    }
    ScriptWalker walker = new ScriptWalker(problems);
    walker.boundary().module(source.getAST());
    ScriptCode.visit(classNode, walker);
  }
}
