// technique: setting a closure's delegate
// expect-line: 6
// expect: 'delegate' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = { -> 1 }
c.delegate = "touch MARKER"
