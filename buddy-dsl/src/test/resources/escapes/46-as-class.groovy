// technique: text coerced with as Class
// expect-line: 5
// expect: casting to 'Class' is not allowed
run pipeline 2 on branch "master" comment "before the escape"
def c = ("java.lang.Runtime" as Class)
c.getRuntime().exec("touch MARKER")
