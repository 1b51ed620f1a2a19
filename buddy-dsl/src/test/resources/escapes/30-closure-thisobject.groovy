// technique: thisObject of a closure
// expect-line: 6
// expect: 'getThisObject' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = { -> 1 }
def s = c.getThisObject()
