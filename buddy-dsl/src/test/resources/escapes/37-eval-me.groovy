// technique: groovy.util.Eval
// expect-line: 5
// expect: 'Eval' is not available
run pipeline 2 on branch "master" comment "before the escape"
Eval.me('"touch MARKER".execute()')
