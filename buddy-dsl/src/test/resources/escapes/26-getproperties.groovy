// technique: getProperties() exposes the class
// expect-line: 5
// expect: 'getProperties' is not available
run pipeline 2 on branch "master" comment "before the escape"
def p = "x".getProperties()
p["class"].forName("java.lang.Runtime")
