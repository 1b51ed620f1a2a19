// technique: the script's binding
// expect-line: 5
// expect: unknown word 'binding'
run pipeline 2 on branch "master" comment "before the escape"
def b = binding
