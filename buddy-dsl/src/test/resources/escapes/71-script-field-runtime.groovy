// technique: the script object's own field holding the engine
// expect-line: 4
// expect: unknown word 'top'
def t = top
run pipeline 2 on branch "master" comment "before the escape"
