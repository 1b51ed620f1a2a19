// technique: the subscript form "x"["class"]
// expect-line: 5
// expect: 'class' is not available
run pipeline 2 on branch "master" comment "before the escape"
def c = "x"["class"]
c.forName("java.lang.Runtime").getRuntime().exec("touch MARKER")
