// technique: this inside a closure
// expect-line: 5
// expect: 'this' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = { -> this }
c().evaluate('"touch MARKER".execute()')
