// technique: a ProcessBuilder
// expect-line: 5
// expect: 'new' is not allowed
run pipeline 2 on branch "master" comment "before the escape"
new ProcessBuilder("touch", "MARKER").start()
