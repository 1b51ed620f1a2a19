// technique: Class.forName on a class literal
// expect-line: 5
// expect: 'Class' is not available
run pipeline 2 on branch "master" comment "before the escape"
Class.forName("java.lang.Runtime").getRuntime().exec("touch MARKER")
