// technique: a fully qualified java.io.File
// expect-line: 5
// expect: 'new' is not allowed
run pipeline 2 on branch "master" comment "before the escape"
new java.io.File("MARKER").createNewFile()
