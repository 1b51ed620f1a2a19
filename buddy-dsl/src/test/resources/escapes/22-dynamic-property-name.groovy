// technique: a property name computed at run time
// expect-line: 6
// expect: dynamic property names are not allowed
run pipeline 2 on branch "master" comment "before the escape"
def p = "cl" + "ass"
def c = "x"."$p"
