// technique: the issue's chain: String.getMethod("getClass").invoke(String) → Class.forName → Runtime.exec
// expect-line: 5
// expect: 'getMethod' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = String.getMethod("getClass").invoke(String)
c.forName("java.lang.Runtime").getRuntime().exec("touch MARKER")
