// technique: @ASTTest runs code while compiling
// expect-line: 4
// expect: annotations such as @ASTTest are not allowed
@groovy.transform.ASTTest(value = { System.setProperty("buddy4j.pwned", "yes") })
def x = 1
run pipeline 2 on branch "master" comment "before the escape"
