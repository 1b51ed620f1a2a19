// technique: getClass() on a value
// expect-line: 5
// expect: 'getClass' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = "x".getClass()
c.forName("java.lang.Runtime").getRuntime().exec("touch MARKER")
