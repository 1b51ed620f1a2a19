// technique: importing java.io.File
// expect-line: 4
// expect: imports are not allowed
import java.io.File
run pipeline 2 on branch "master" comment "before the escape"
def f = new File("MARKER")
