// technique: with { } makes the value the delegate of the closure
// expect-line: 5
// expect: 'with' is not available
run pipeline 2 on branch "master" comment "before the escape"
"touch MARKER".with { execute() }
