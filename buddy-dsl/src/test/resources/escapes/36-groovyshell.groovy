// technique: a GroovyShell
// expect-line: 5
// expect: 'new' is not allowed
run pipeline 2 on branch "master" comment "before the escape"
new GroovyShell().evaluate('"touch MARKER".execute()')
