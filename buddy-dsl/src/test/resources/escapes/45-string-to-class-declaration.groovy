// technique: a declared Class variable coerces text to a class
// expect-line: 5
// expect: the type 'Class' is not available
run pipeline 2 on branch "master" comment "before the escape"
Class c = "java.lang.Runtime"
c.getRuntime().exec("touch MARKER")
