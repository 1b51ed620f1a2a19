// technique: a Java-style cast to Class
// expect-line: 5
// expect: casting to 'Class' is not allowed
run pipeline 2 on branch "master" comment "before the escape"
def c = (Class) "java.lang.Runtime"
c.getRuntime().exec("touch MARKER")
