// technique: direct field access with .@
// expect-line: 5
// expect: '.@' field access is not allowed
run pipeline 2 on branch "master" comment "before the escape"
def v = "x".@value
