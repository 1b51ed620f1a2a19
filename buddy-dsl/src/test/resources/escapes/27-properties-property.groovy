// technique: .properties
// expect-line: 5
// expect: 'properties' is not available
run pipeline 2 on branch "master" comment "before the escape"
def p = [a: 1].properties
