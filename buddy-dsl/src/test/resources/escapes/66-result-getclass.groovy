// technique: getClass on the DSL's own run result
// expect-line: 5
// expect: 'getClass' is not available
def r = run pipeline 2 on branch "master"
def c = r.getClass()
