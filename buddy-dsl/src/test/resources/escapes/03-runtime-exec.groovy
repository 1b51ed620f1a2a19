// technique: Runtime.getRuntime().exec
// expect-line: 5
// expect: 'Runtime' is not available
run pipeline 2 on branch "master" comment "before the escape"
Runtime.getRuntime().exec("touch MARKER")
