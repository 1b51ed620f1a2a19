// technique: a method name computed at run time
// expect-line: 6
// expect: dynamic method names are not allowed
run pipeline 2 on branch "master" comment "before the escape"
def m = "exe" + "cute"
"touch MARKER"."$m"()
