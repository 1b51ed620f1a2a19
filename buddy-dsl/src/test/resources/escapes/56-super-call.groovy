// technique: super.evaluate
// expect-line: 5
// expect: 'super' is not available
run pipeline 2 on branch "master" comment "before the escape"
super.evaluate('"touch MARKER".execute()')
