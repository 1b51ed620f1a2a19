// technique: metaClass of a value
// expect-line: 5
// expect: 'metaClass' is not available
run pipeline 2 on branch "master" comment "before the escape"
def mc = "x".metaClass
mc.invokeMethod("touch MARKER", "execute", null)
