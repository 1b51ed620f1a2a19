// technique: invokeMethod by name
// expect-line: 5
// expect: 'invokeMethod' is not available
run pipeline 2 on branch "master" comment "before the escape"
"touch MARKER".invokeMethod("execute", null)
