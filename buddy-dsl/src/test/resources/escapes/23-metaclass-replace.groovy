// technique: replacing a method through metaClass
// expect-line: 5
// expect: 'metaClass' is not available
run pipeline 2 on branch "master" comment "before the escape"
String.metaClass.toUpperCase = { -> "touch MARKER".execute() }
"x".toUpperCase()
