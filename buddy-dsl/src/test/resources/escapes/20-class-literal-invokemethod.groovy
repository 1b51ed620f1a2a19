// technique: invokeMethod on a class literal
// expect-line: 6
// expect: 'invokeMethod' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = Integer
c.invokeMethod("forName", "java.lang.Runtime")
