// technique: the script's own evaluate(String)
// expect-line: 5
// expect: unknown word 'evaluate'
run pipeline 2 on branch "master" comment "before the escape"
evaluate('"touch MARKER".execute()')
