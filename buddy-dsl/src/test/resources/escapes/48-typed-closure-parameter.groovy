// technique: a closure parameter typed Class
// expect-line: 5
// expect: the type 'Class' is not available
run pipeline 2 on branch "master" comment "before the escape"
def f = { Class c -> c.getRuntime() }
f("java.lang.Runtime")
