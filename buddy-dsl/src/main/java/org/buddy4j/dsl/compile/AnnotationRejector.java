package org.buddy4j.dsl.compile;

import java.util.List;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Refuses annotations in scripts, before any AST transformation they would trigger runs. Buddy scripts
 * need none, and some run code while compiling or fetch code from the network: {@code @Grab}/{@code @Grapes}/
 * {@code @GrabResolver}/{@code @GrabConfig}, {@code @ASTTest}, {@code @AnnotationCollector} and the like.
 */
final class AnnotationRejector extends CompilationCustomizer {

  AnnotationRejector() {
    super(CompilePhase.CONVERSION);
  }

  @Override
  public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
    ModuleNode module = source.getAST();
    if (module.getNodeMetaData(AnnotationRejector.class) != null) {
      return; // once per script, not per class
    }
    module.putNodeMetaData(AnnotationRejector.class, Boolean.TRUE);
    for (ImportNode i : module.getImports()) {
      check(source, i);
    }
    module.getStarImports().forEach(i -> check(source, i));
    module.getStaticImports().values().forEach(i -> check(source, i));
    module.getStaticStarImports().values().forEach(i -> check(source, i));
    if (module.getPackage() != null) {
      check(source, module.getPackage());
    }
    for (ClassNode c : module.getClasses()) {
      check(source, c);
      c.getMethods().forEach(m -> {
        check(source, m);
        for (var p : m.getParameters()) {
          check(source, p);
        }
      });
      c.getFields().forEach(f -> check(source, f));
      c.getProperties().forEach(p -> check(source, p));
      new ClassCodeVisitorSupport() {
        @Override
        protected SourceUnit getSourceUnit() {
          return source;
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression d) {
          check(source, d);
          super.visitDeclarationExpression(d);
        }

        @Override
        public void visitClosureExpression(ClosureExpression c) {
          if (c.getParameters() != null) {
            for (var p : c.getParameters()) {
              check(source, p);
            }
          }
          super.visitClosureExpression(c);
        }
      }.visitClass(c);
    }
  }

  private static void check(SourceUnit source, AnnotatedNode node) {
    List<AnnotationNode> annotations = node.getAnnotations();
    // Annotations without a position were added by the compiler itself (e.g. the script base class).
    List<AnnotationNode> written = annotations.stream().filter(a -> a.getLineNumber() > 0).toList();
    for (AnnotationNode a : written) {
      ScriptProblems.report(source, "annotations such as @" + a.getClassNode().getNameWithoutPackage()
          + " are not allowed in Buddy scripts (they can fetch or run code while the script compiles)", a);
    }
    if (!written.isEmpty()) {
      try {
        annotations.removeAll(written); // and make sure no transformation sees them
      } catch (UnsupportedOperationException readOnly) {
        // the error above stops the compilation anyway
      }
    }
  }
}
