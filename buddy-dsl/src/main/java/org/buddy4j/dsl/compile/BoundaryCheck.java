package org.buddy4j.dsl.compile;

import java.util.Set;
import org.buddy4j.core.generated.integrations.IntegrationTypes;
import org.buddy4j.dsl.DslConstants;
import org.buddy4j.dsl.boundary.Allowlist;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.syntax.Types;

/**
 * The static half of the script boundary: refuses, with line and column, what can be refused before
 * anything runs: imports, classes, method definitions, {@code new}, class references and declared or
 * cast types other than the DSL's constants and plain value types, {@code this}/{@code super},
 * {@code .@}/{@code .&}, computed member names, catching {@code Throwable}, and any member name that no
 * kind of value allows ({@link Allowlist}). The run-time half is {@link BoundaryRewriter}. Its refusals are
 * lifted by {@code --trusted} (see {@link ScriptProblems#refuse}).
 */
final class BoundaryCheck {
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

  private final ScriptProblems problems;

  BoundaryCheck(ScriptProblems problems) {
    this.problems = problems;
  }

  /** The module's declarations: package, method definitions (always), imports (unless trusted). */
  void module(ModuleNode module) {
    if (module.getPackage() != null) {
      problems.error("a package declaration is not allowed in Buddy scripts", module.getPackage());
    }
    for (MethodNode m : module.getMethods()) {
      problems.error("method definitions are not allowed in Buddy scripts ('" + m.getName()
          + "'); use a closure: def " + m.getName() + " = { … }", m);
    }
    for (ImportNode i : module.getImports()) {
      problems.refuse("imports are not allowed in Buddy scripts ('import " + i.getClassName() + "')", i);
    }
    for (ImportNode i : module.getStarImports()) {
      problems.refuse("imports are not allowed in Buddy scripts ('import " + i.getPackageName() + "*')", i);
    }
    module.getStaticImports().values().forEach(i -> problems.refuse(
        "imports are not allowed in Buddy scripts ('import static " + i.getClassName() + "." + i.getFieldName() + "')", i));
    module.getStaticStarImports().values().forEach(i -> {
      String name = i.getClassName();
      if (!name.equals(IntegrationTypes.class.getName()) && !name.equals(DslConstants.class.getName())) {
        problems.refuse("imports are not allowed in Buddy scripts ('import static " + name + ".*')", i);
      }
    });
  }

  /** {@code this} and {@code super} are not values a script may use. */
  void receiver(Expression receiver, ASTNode at) {
    if (receiver instanceof VariableExpression v && (v.isThisExpression() || v.isSuperExpression())) {
      problems.refuse("'" + v.getName() + "' is not available in Buddy scripts", at);
    }
  }

  /** A method called on a value: a written name that some kind of value allows. */
  void methodName(MethodCallExpression call) {
    String name = call.getMethodAsString();
    ASTNode at = call.getMethod().getLineNumber() > 0 ? call.getMethod() : call;
    if (name == null) {
      problems.refuse("dynamic method names are not allowed in Buddy scripts", call);
    } else if (DENIED_MEMBERS.contains(name) || !Allowlist.anyKindAllowsMethod(name)) {
      problems.refuse("'" + name + "' is not available in Buddy scripts", at);
    }
  }

  /** A property of a value: a written name, not one of the engine's. */
  void propertyName(PropertyExpression p) {
    String name = p.getPropertyAsString();
    if (name == null) {
      problems.refuse("dynamic property names are not allowed in Buddy scripts", p);
    } else if (DENIED_MEMBERS.contains(name)) {
      problems.refuse("'" + name + "' is not available in Buddy scripts", p);
    }
  }

  /** {@code x["metaClass"]}: the denied names are denied as subscripts too. */
  void subscript(BinaryExpression b) {
    if (b.getOperation().getType() == Types.LEFT_SQUARE_BRACKET
        && b.getRightExpression() instanceof ConstantExpression k && k.getValue() instanceof String key
        && DENIED_MEMBERS.contains(key)) {
      problems.refuse("'" + key + "' is not available in Buddy scripts (not even as x[\"" + key + "\"])", b);
    }
  }

  /** Only the value types a script may name: def, String, Integer, List, Map, … (never Class, File, …). */
  void type(ClassNode type, ASTNode at) {
    if (type != null && !type.isGenericsPlaceHolder() && !ALLOWED_CLASSES.contains(type.redirect().getName())
        && !(type.isArray() && ALLOWED_CLASSES.contains(type.getComponentType().getName()))) {
      problems.refuse("the type '" + type.getNameWithoutPackage() + "' is not available in Buddy scripts (write def, "
          + "or one of String, Integer, Long, BigDecimal, Boolean, List, Map)", at);
    }
  }

  void catchType(CatchStatement c) {
    String type = c.getExceptionType().getName();
    if (!type.equals("java.lang.Exception") && !type.equals("java.lang.Object")) {
      problems.refuse("catch (e) is all Buddy scripts may write: they catch their own mistakes, never the engine's stop", c);
    }
  }

  void classReference(ClassExpression c) {
    if (!ALLOWED_CLASSES.contains(c.getType().getName())) {
      problems.refuse("'" + c.getType().getNameWithoutPackage() + "' is not available in Buddy scripts", c);
    }
  }

  void cast(ClassNode type, ASTNode at) {
    if (!ALLOWED_CLASSES.contains(type.getName())) {
      problems.refuse("casting to '" + type.getNameWithoutPackage() + "' is not allowed in Buddy scripts", at);
    }
  }

  /** Whether the class is one of the DSL's constant holders (AMAZON, HIGH, …). */
  static boolean isConstantClass(ClassExpression c) {
    String name = c.getType().getName();
    return name.equals(IntegrationTypes.class.getName()) || name.equals(DslConstants.class.getName());
  }
}
