// technique: a class whose static initialiser runs code
// expect-line: 5
// expect: classes are not allowed
run pipeline 2 on branch "master" comment "before the escape"
class Evil { static { "touch MARKER".execute() } }
